package io.tradecheck.schedule;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * When each HTS revision took effect, from a CSV with the columns {@code revision,effective_date} (further columns are
 * ignored), as in {@code usitc-hts/revision_dates.csv}: 2025 revisions are named {@code basic}, {@code rev_1} ..,
 * later ones {@code 2026_basic}, {@code 2026_rev_1} ... An export file {@code hts_2026_rev_3.json.gz} is revision
 * {@code 2026_rev_3}.
 */
public final class RevisionDates {
    private static final Pattern FILE = Pattern.compile("(?:hts_)?(\\d{4})_(basic|rev_?\\d+)(?:_json)?\\.json(?:\\.gz)?",
            Pattern.CASE_INSENSITIVE);

    private final Map<String, LocalDate> dates;

    public RevisionDates(Map<String, LocalDate> dates) {
        this.dates = new HashMap<>(dates);
    }

    public static RevisionDates read(Path csv) throws IOException {
        Map<String, LocalDate> dates = new HashMap<>();
        CsvSchema schema = CsvSchema.emptySchema().withHeader();
        try (MappingIterator<Map<String, String>> it = new CsvMapper().readerFor(Map.class).with(schema)
                .readValues(Files.readAllBytes(csv))) {
            int line = 1;
            while (it.hasNext()) {
                line++;
                Map<String, String> row = it.next();
                String revision = row.get("revision");
                String date = row.get("effective_date");
                if (revision == null || date == null) {
                    throw new IOException(csv + ": needs the columns revision and effective_date");
                }
                try {
                    dates.put(revision.strip().toLowerCase(Locale.ROOT), LocalDate.parse(date.strip()));
                } catch (DateTimeParseException e) {
                    throw new IOException(csv + ":" + line + ": effective_date '" + date + "' is not yyyy-MM-dd");
                }
            }
        }
        return new RevisionDates(dates);
    }

    /** The revision an export file holds, "2025_rev_12", from its USITC file name; null when the name is not one. */
    public static String revisionOf(String fileName) {
        Matcher m = FILE.matcher(fileName);
        if (!m.matches()) {
            return null;
        }
        return m.group(1) + "_" + m.group(2).toLowerCase(Locale.ROOT).replaceFirst("^rev(\\d)", "rev_$1");
    }

    /** The effective date of a revision ("2025_rev_12"), also when the dates file leaves the year out of its name. */
    public LocalDate effectiveDate(String revision) {
        LocalDate exact = dates.get(revision);
        if (exact != null) {
            return exact;
        }
        String year = revision.substring(0, 4);
        LocalDate bare = dates.get(revision.substring(5));
        return bare != null && bare.getYear() == Integer.parseInt(year) ? bare : null;
    }

    public void put(String revision, LocalDate date) {
        dates.put(revision, date);
    }
}
