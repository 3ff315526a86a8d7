package io.tradecheck.schedule;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The dated nomenclature as the rule pack keeps it under {@code hts/}: one CSV per chapter ({@code chapter-01.csv} ..
 * {@code chapter-99.csv}), each row one line or text header of the USITC schedule over the dates it stood unchanged,
 * in schedule order, plus {@code revisions.csv}, the revisions imported and their effective dates. Plain sorted CSV so
 * that a new revision shows in review as the few rows it closes and opens.
 */
public final class Nomenclature {
    public static final String FOLDER = "hts/";
    public static final String REVISIONS_FILE = FOLDER + "revisions.csv";
    static final String[] COLUMNS = {"code", "type", "indent", "from", "to", "description", "units", "general",
            "generalAdValorem", "generalSpecific", "special", "other", "ch99"};
    static final String[] REVISION_COLUMNS = {"revision", "effectiveDate", "file", "sha256", "rows"};

    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("\\d{4}(\\.\\d{2}){0,3}");
    private static final CsvMapper CSV = new CsvMapper();
    static {
        CSV.enable(CsvParser.Feature.WRAP_AS_ARRAY);
        // Quote only cells that need it (Jackson otherwise quotes every cell longer than 24 characters).
        CSV.enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);
    }

    /** A revision that went into the nomenclature: its name ("2025_rev_12"), effective date and source file. */
    public record Revision(String name, LocalDate effectiveDate, String file, String sha256, int rows) {
    }

    /** A problem in a nomenclature file, with the file and line it is on. */
    public static final class FormatException extends RuntimeException {
        private final String file;
        private final int line;

        public FormatException(String file, int line, String message) {
            super(message);
            this.file = file;
            this.line = line;
        }

        public String file() {
            return file;
        }

        public int line() {
            return line;
        }
    }

    private Nomenclature() {
    }

    public static boolean isNomenclatureFile(String path) {
        return path.startsWith(FOLDER);
    }

    public static String chapterFile(String code) {
        return FOLDER + "chapter-" + code.substring(0, 2) + ".csv";
    }

    // ---- writing

    /** The files for these rows and revisions, path to content; rows are written in schedule order. */
    public static Map<String, byte[]> write(List<HtsRow> rows, List<Revision> revisions) {
        Map<String, List<HtsRow>> byFile = new TreeMap<>();
        rows.stream().sorted(HtsRow.ORDER).forEach(r -> byFile.computeIfAbsent(chapterFile(r.code()), f -> new ArrayList<>()).add(r));
        Map<String, byte[]> files = new TreeMap<>();
        byFile.forEach((file, chapterRows) -> {
            List<String[]> lines = new ArrayList<>(chapterRows.size());
            for (HtsRow r : chapterRows) {
                HtsRow.Content c = r.content();
                DutyRate general = DutyRate.parse(c.general());
                lines.add(new String[]{r.code(), r.header() ? "header" : "line", Integer.toString(r.indent()),
                        r.from().toString(), r.to() == null ? "" : r.to().toString(), c.description(), c.units(),
                        c.general(), adValoremText(general), specificText(general), c.special(), c.other(), c.ch99()});
            }
            files.put(file, csv(COLUMNS, lines));
        });
        List<String[]> revisionLines = revisions.stream().sorted(java.util.Comparator.comparing(Revision::effectiveDate))
                .map(r -> new String[]{r.name(), r.effectiveDate().toString(), r.file(), r.sha256(), Integer.toString(r.rows())})
                .toList();
        files.put(REVISIONS_FILE, csv(REVISION_COLUMNS, revisionLines));
        return files;
    }

    /** The ad valorem part as written in the files: "" when there is none or the rate could not be read. */
    static String adValoremText(DutyRate rate) {
        return rate.computable() && rate.adValorem() != null ? rate.adValorem().toPlainString() : "";
    }

    /** The specific part as written in the files; "?" for a rate text that could not be read (kept as text only). */
    static String specificText(DutyRate rate) {
        if (rate.text().isEmpty()) {
            return "";
        }
        return rate.computable() ? rate.specificText() : "?";
    }

    private static byte[] csv(String[] header, List<String[]> lines) {
        CsvSchema schema = CsvSchema.emptySchema().withLineSeparator("\n");
        StringWriter out = new StringWriter();
        try (var writer = CSV.writer(schema).writeValues(out)) {
            writer.write(header);
            for (String[] line : lines) {
                writer.write(line);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    // ---- reading

    public static List<Revision> readRevisions(byte[] content) {
        List<Revision> revisions = new ArrayList<>();
        int line = 1;
        for (String[] cells : rows(REVISIONS_FILE, content, REVISION_COLUMNS)) {
            line++;
            try {
                revisions.add(new Revision(cells[0], LocalDate.parse(cells[1]), cells[2], cells[3], Integer.parseInt(cells[4])));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new FormatException(REVISIONS_FILE, line, "bad revision row: " + e.getMessage());
            }
        }
        return revisions;
    }

    public static List<HtsRow> readRows(String path, byte[] content) {
        List<HtsRow> rows = new ArrayList<>();
        // A few hundred distinct rate texts over thousands of rows: each is read once.
        Map<String, DutyRate> rates = new java.util.HashMap<>();
        Map<String, LocalDate> dates = new java.util.HashMap<>();
        int line = 1;
        for (String[] c : rows(path, content, COLUMNS)) {
            line++;
            try {
                boolean header = switch (c[1]) {
                    case "header" -> true;
                    case "line" -> false;
                    default -> throw new FormatException(path, line, "type must be 'line' or 'header', not '" + c[1] + "'");
                };
                if (!CODE.matcher(c[0]).matches()) {
                    throw new FormatException(path, line, "code must be an HTS number such as 0101.21.00.10, not '" + c[0] + "'");
                }
                if (!path.equals(chapterFile(c[0]))) {
                    throw new FormatException(path, line, "code " + c[0] + " belongs in " + chapterFile(c[0]));
                }
                LocalDate from = dates.computeIfAbsent(c[3], LocalDate::parse);
                LocalDate to = c[4].isEmpty() ? null : dates.computeIfAbsent(c[4], LocalDate::parse);
                if (to != null && to.isBefore(from)) {
                    throw new FormatException(path, line, "to " + to + " is before from " + from);
                }
                DutyRate general = rates.computeIfAbsent(c[7], DutyRate::parse);
                if (!adValoremText(general).equals(c[8]) || !specificText(general).equals(c[9])) {
                    throw new FormatException(path, line, "generalAdValorem/generalSpecific '" + c[8] + "'/'" + c[9]
                            + "' do not match the general rate '" + c[7] + "', which reads as '" + adValoremText(general)
                            + "'/'" + specificText(general) + "'");
                }
                rows.add(new HtsRow(c[0], header, Integer.parseInt(c[2]), from, to,
                        new HtsRow.Content(c[5], c[6], c[7], c[10], c[11], c[12])));
            } catch (DateTimeParseException | NumberFormatException e) {
                throw new FormatException(path, line, e.getMessage());
            }
        }
        return rows;
    }

    private static List<String[]> rows(String path, byte[] content, String[] columns) {
        List<String[]> rows = new ArrayList<>();
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class).readValues(content)) {
            if (!it.hasNext()) {
                throw new FormatException(path, 1, "empty file: expected the header " + String.join(",", columns));
            }
            String[] header = it.next();
            if (!java.util.Arrays.equals(header, columns)) {
                throw new FormatException(path, 1, "header must be " + String.join(",", columns));
            }
            int line = 1;
            while (it.hasNext()) {
                line++;
                String[] cells = it.next();
                if (cells.length != columns.length) {
                    throw new FormatException(path, line, "expected " + columns.length + " cells, found " + cells.length);
                }
                rows.add(cells);
            }
        } catch (IOException e) {
            throw new FormatException(path, 0, "not readable as CSV: " + e.getMessage());
        }
        return rows;
    }
}
