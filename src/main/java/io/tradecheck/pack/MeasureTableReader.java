package io.tradecheck.pack;

import io.tradecheck.engine.CountryScope;
import io.tradecheck.engine.MeasureRow;
import io.tradecheck.engine.ShipmentClaims;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.validation.CountryCodeValidator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads a measure table (any CSV or XLSX under rules/ outside reference/ and scenarios/) into checked rows. Every problem is
 * reported with its file, line and column; a table with problems yields no rows, so half a table never goes live.
 */
public final class MeasureTableReader {

    /** The columns of a measure table, in the order the bundled tables use. */
    public static final List<String> COLUMNS = List.of(
            "measureId", "family", "kind", "origin", "exportCountry", "destination", "hsPrefix", "eccn", "claim",
            "rate", "chapter99", "from", "to", "resumesOn", "title", "legalBasis", "source", "explanation",
            "allInRate", "basis");
    private static final Set<String> REQUIRED = Set.of("measureId", "family", "kind", "from", "title", "legalBasis", "source");

    /** What a rate is charged on: blank for the whole customs value, or the metal content share the request states. */
    public static final Set<String> BASES = Set.of(MeasureRow.METAL_CONTENT);

    private static final Pattern ID = Pattern.compile("[A-Z0-9][A-Z0-9_.-]*");
    private static final Pattern HS_PREFIX = Pattern.compile("[0-9 .]*");
    private static final Pattern ECCN = Pattern.compile("[0-9][A-E][0-9]{3}(\\.[A-Z0-9.]+)?|EAR99");
    private static final Pattern CHAPTER_99 = Pattern.compile("99[0-9]{2}\\.[0-9]{2}\\.[0-9]{2}");
    private static final Pattern URL = Pattern.compile("https?://\\S+");

    private final Map<String, List<String>> countryGroups;

    public MeasureTableReader(Map<String, List<String>> countryGroups) {
        this.countryGroups = countryGroups;
    }

    public List<MeasureRow> read(String file, byte[] content, List<RulePackProblem> problems) {
        CsvTable table;
        try {
            table = file.endsWith(".xlsx") ? XlsxTable.parse(content) : CsvTable.parse(content);
        } catch (IOException | RuntimeException e) {
            problems.add(new RulePackProblem(file, 0, null, "not a readable " + (file.endsWith(".xlsx") ? "XLSX" : "CSV")
                    + " table: " + e.getMessage()));
            return List.of();
        }
        int before = problems.size();
        checkHeader(file, table.header(), problems);
        if (problems.size() > before) {
            return List.of();
        }
        List<MeasureRow> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            MeasureRow parsed = new RowReader(file, row, problems).read();
            if (parsed != null) {
                rows.add(parsed);
            }
        }
        if (rows.isEmpty() && problems.size() == before) {
            problems.add(new RulePackProblem(file, 0, null, "table has no rows (a table that adds no rule is almost always a mistake)"));
        }
        return problems.size() > before ? List.of() : rows;
    }

    private static void checkHeader(String file, List<String> header, List<RulePackProblem> problems) {
        if (header.isEmpty()) {
            problems.add(new RulePackProblem(file, 1, null, "no header row; expected columns " + COLUMNS));
            return;
        }
        Set<String> seen = new LinkedHashSet<>();
        for (String column : header) {
            if (!COLUMNS.contains(column)) {
                problems.add(new RulePackProblem(file, 1, column, "unknown column; known columns are " + COLUMNS));
            } else if (!seen.add(column)) {
                problems.add(new RulePackProblem(file, 1, column, "column appears twice"));
            }
        }
        for (String required : REQUIRED) {
            if (!header.contains(required)) {
                problems.add(new RulePackProblem(file, 1, required, "required column is missing"));
            }
        }
    }

    /** Reads one row, adding a problem per bad cell. */
    private final class RowReader {
        private final String file;
        private final CsvTable.Row row;
        private final List<RulePackProblem> problems;
        private boolean ok = true;

        RowReader(String file, CsvTable.Row row, List<RulePackProblem> problems) {
            this.file = file;
            this.row = row;
            this.problems = problems;
        }

        MeasureRow read() {
            for (String column : row.cells().keySet()) {
                if (column.startsWith("#") && !row.get(column).isEmpty()) {
                    fail(column, "cell beyond the last header column");
                }
            }
            String measureId = row.get("measureId");
            if (!ID.matcher(measureId).matches()) {
                fail("measureId", "must be upper-case letters, digits, '-', '_' or '.', e.g. US-IEEPA-FENTANYL-CN");
            }
            String family = row.get("family");
            if (!ID.matcher(family).matches()) {
                fail("family", "must be upper-case letters, digits, '-', '_' or '.', e.g. RECIPROCAL");
            }
            FindingKind kind = kind();
            CountryScope origin = countries("origin");
            CountryScope exportCountry = countries("exportCountry");
            CountryScope destination = countries("destination");
            String hsPrefix = hsPrefix();
            String eccn = optional("eccn");
            if (eccn != null) {
                eccn = eccn.toUpperCase(Locale.ROOT);
                if (!ECCN.matcher(eccn).matches()) {
                    fail("eccn", "'" + eccn + "' is not an ECCN such as 3D991");
                }
            }
            String claim = optional("claim");
            if (claim != null && !ShipmentClaims.isKnown(claim)) {
                fail("claim", "'" + claim + "' is not a known claim; known claims are " + new java.util.TreeSet<>(ShipmentClaims.names()));
            }
            BigDecimal allInRate = percent("allInRate");
            BigDecimal rate = rate(kind, allInRate != null);
            if (allInRate != null && kind != FindingKind.TARIFF) {
                fail("allInRate", "only a TARIFF row has an all-in rate");
            }
            if (allInRate != null && rate != null) {
                fail("allInRate", "give either rate or allInRate (the additional rate is allInRate minus the MFN rate)");
            }
            String basis = optional("basis");
            if (basis != null && !BASES.contains(basis)) {
                fail("basis", "'" + basis + "' is not a known basis; leave blank for the customs value, or use " + BASES);
            }
            String chapter99 = optional("chapter99");
            if (chapter99 != null && !CHAPTER_99.matcher(chapter99).matches()) {
                fail("chapter99", "'" + chapter99 + "' is not a Chapter 99 heading such as 9903.01.24");
            }
            LocalDate from = date("from", true);
            LocalDate to = date("to", false);
            if (from != null && to != null && to.isBefore(from)) {
                fail("to", "ends (" + to + ") before it starts (" + from + ")");
            }
            LocalDate resumesOn = date("resumesOn", false);
            if (resumesOn != null && kind != FindingKind.PAUSED_TARIFF) {
                fail("resumesOn", "only a PAUSED_TARIFF row resumes");
            }
            String title = required("title");
            String legalBasis = required("legalBasis");
            String source = required("source");
            if (!source.isEmpty() && !URL.matcher(source).matches()) {
                fail("source", "must be one http(s) URL of the source that states this row");
            }
            String explanation = optional("explanation");
            if (!ok) {
                return null;
            }
            return new MeasureRow(measureId, family, kind, origin, exportCountry, destination, hsPrefix, eccn, claim,
                    rate, allInRate, basis, chapter99, from, to, resumesOn, title, legalBasis, source,
                    explanation == null ? title : explanation, file, row.line());
        }

        private FindingKind kind() {
            String value = row.get("kind");
            try {
                return FindingKind.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                fail("kind", "'" + value + "' is not one of " + List.of(FindingKind.values()));
                return null;
            }
        }

        private CountryScope countries(String column) {
            String value = row.get(column).toUpperCase(Locale.ROOT);
            if (value.isEmpty() || value.equals("*")) {
                return CountryScope.ANY;
            }
            List<String> included = new ArrayList<>();
            Set<String> excluded = new LinkedHashSet<>();
            for (String token : value.split("[\\s,]+")) {
                boolean exclude = token.startsWith("!");
                String name = exclude ? token.substring(1) : token;
                if (name.equals("*")) {
                    continue;
                }
                List<String> members = countryGroups.get(name);
                if (members == null && CountryCodeValidator.isCountry(name) && name.length() == 2) {
                    members = List.of(name);
                }
                if (members == null) {
                    fail(column, "'" + name + "' is neither an ISO 3166-1 alpha-2 code nor a group in reference/country-groups.csv");
                    continue;
                }
                for (String member : members) {
                    if (exclude) {
                        excluded.add(member);
                    } else if (!included.contains(member)) {
                        included.add(member);
                    }
                }
            }
            return new CountryScope(List.copyOf(included), Set.copyOf(excluded));
        }

        private String hsPrefix() {
            String value = row.get("hsPrefix");
            if (!HS_PREFIX.matcher(value).matches()) {
                fail("hsPrefix", "'" + value + "' must be digits (dots and spaces allowed)");
                return "";
            }
            String digits = value.replaceAll("[ .]", "");
            if (digits.length() % 2 != 0 || digits.length() > 10) {
                fail("hsPrefix", "'" + value + "' must be 2, 4, 6, 8 or 10 digits (chapter, heading, subheading, ...)");
            }
            return digits;
        }

        private BigDecimal rate(FindingKind kind, boolean allIn) {
            BigDecimal rate = percent("rate");
            boolean needed = (kind == FindingKind.TARIFF && !allIn) || kind == FindingKind.PAUSED_TARIFF;
            if (rate == null && needed && row.get("rate").isEmpty()) {
                fail("rate", "a " + kind + " row needs a rate in percent" + (kind == FindingKind.TARIFF ? " (or an allInRate)" : ""));
            }
            return rate;
        }

        private BigDecimal percent(String column) {
            String value = row.get(column).replace("%", "").trim();
            if (value.isEmpty()) {
                return null;
            }
            try {
                BigDecimal rate = new BigDecimal(value);
                if (rate.signum() < 0 || rate.compareTo(BigDecimal.valueOf(1000)) > 0) {
                    fail(column, "'" + value + "' must be between 0 and 1000 percent");
                }
                return rate;
            } catch (NumberFormatException e) {
                fail(column, "'" + value + "' is not a number (write 125 or 7.5 for percent)");
                return null;
            }
        }

        private LocalDate date(String column, boolean required) {
            String value = row.get(column);
            if (value.isEmpty()) {
                if (required) {
                    fail(column, "a date (yyyy-MM-dd) is required");
                }
                return null;
            }
            try {
                return LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                fail(column, "'" + value + "' is not an existing date in the form yyyy-MM-dd");
                return null;
            }
        }

        private String required(String column) {
            String value = row.get(column);
            if (value.isEmpty()) {
                fail(column, "must not be blank");
            }
            return value;
        }

        private String optional(String column) {
            String value = row.get(column);
            return value.isEmpty() ? null : value;
        }

        private void fail(String column, String message) {
            ok = false;
            problems.add(new RulePackProblem(file, row.line(), column, message));
        }
    }
}
