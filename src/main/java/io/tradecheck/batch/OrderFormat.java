package io.tradecheck.batch;

import java.util.Locale;

/** The kinds of order file a batch reads. */
public enum OrderFormat {
    CSV("text/csv", ".csv"),
    XLSX("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", ".xlsx"),
    NDJSON("application/x-ndjson", ".ndjson");

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String NDJSON_TYPE = "application/x-ndjson";

    private final String mediaType;
    private final String extension;

    OrderFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** The format a media type names ("text/csv; charset=UTF-8" is CSV), or null. */
    public static OrderFormat ofMediaType(String mediaType) {
        if (mediaType == null) {
            return null;
        }
        String type = mediaType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return switch (type) {
            case CSV_TYPE, "application/csv", "text/comma-separated-values" -> CSV;
            case XLSX_TYPE -> XLSX;
            case NDJSON_TYPE, "application/jsonl", "application/jsonlines", "application/x-jsonlines" -> NDJSON;
            default -> null;
        };
    }

    /** The format a file name's extension names (.csv, .txt, .xlsx, .ndjson, .jsonl), or null. */
    public static OrderFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (n.endsWith(".csv") || n.endsWith(".txt")) {
            return CSV;
        }
        if (n.endsWith(".xlsx") || n.endsWith(".xlsm")) {
            return XLSX;
        }
        if (n.endsWith(".ndjson") || n.endsWith(".jsonl")) {
            return NDJSON;
        }
        return null;
    }
}
