package io.tradecheck.batch;

import java.util.Locale;

/** How the per-line results are written. */
public enum ResultFormat {
    CSV(OrderFormat.CSV_TYPE, ".csv"),
    NDJSON(OrderFormat.NDJSON_TYPE, ".ndjson");

    private final String mediaType;
    private final String extension;

    ResultFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    public String extension() {
        return extension;
    }

    /** By file name: .ndjson or .jsonl is NDJSON, anything else CSV. */
    public static ResultFormat ofFileName(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return n.endsWith(".ndjson") || n.endsWith(".jsonl") ? NDJSON : CSV;
    }
}
