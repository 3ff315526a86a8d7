package io.tradecheck.console;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A CSV measure table as a grid a specialist edits row by row, with the "never overwrite an old rate" rule built in:
 * a rate change end-dates the old row the day before the change and adds a row from that day, so what applied before
 * stays on record. Rows the edit does not touch keep their exact text (comments, quoting, spacing); a changed or added
 * row is written by Jackson's CSV writer. Line numbers are those of the file, as validation errors name them.
 */
public final class TableGrid {
    /** A data row: the file line it starts on and its cells in header order. */
    public record Row(int line, List<String> cells) {
        public String cell(int column) {
            return column < cells.size() ? cells.get(column) : "";
        }
    }

    /** An edit the grid refuses, naming the column at fault. */
    public static final class EditRefused extends RuntimeException {
        private final String column;

        EditRefused(String column, String message) {
            super(message);
            this.column = column;
        }

        public String column() {
            return column;
        }
    }

    private static final CsvMapper CSV = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
            .enable(com.fasterxml.jackson.dataformat.csv.CsvGenerator.Feature.STRICT_CHECK_FOR_QUOTING);

    private final List<String> records;
    private final char separator;
    private final List<String> header;
    private final List<Row> rows = new ArrayList<>();
    /** For each row, the index of its record in {@link #records}. */
    private final List<Integer> recordOf = new ArrayList<>();

    private TableGrid(List<String> records, char separator) {
        this.records = records;
        this.separator = separator;
        List<String> head = null;
        int line = 1;
        for (int i = 0; i < records.size(); i++) {
            String record = records.get(i);
            String trimmed = record.strip();
            if (!trimmed.isEmpty() && !trimmed.startsWith("#")) {
                List<String> cells = parse(record, separator);
                if (head == null) {
                    head = cells.stream().map(String::strip).toList();
                } else {
                    rows.add(new Row(line, cells));
                    recordOf.add(i);
                }
            }
            line += (int) record.chars().filter(c -> c == '\n').count() + 1;
        }
        this.header = head == null ? List.of() : head;
    }

    public static TableGrid parse(byte[] content) {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        List<String> records = new ArrayList<>();
        StringBuilder current = null;
        for (String line : text.split("\r?\n", -1)) {
            current = current == null ? new StringBuilder(line) : current.append('\n').append(line);
            if (current.chars().filter(c -> c == '"').count() % 2 == 0) {
                records.add(current.toString());
                current = null;
            }
        }
        if (current != null) {
            records.add(current.toString());
        }
        if (!records.isEmpty() && records.get(records.size() - 1).isEmpty()) {
            records.remove(records.size() - 1);
        }
        String first = records.stream().filter(r -> !r.isBlank() && !r.strip().startsWith("#")).findFirst().orElse("");
        char separator = first.chars().filter(c -> c == ';').count() > first.chars().filter(c -> c == ',').count() ? ';' : ',';
        return new TableGrid(records, separator);
    }

    public List<String> header() {
        return header;
    }

    public List<Row> rows() {
        return rows;
    }

    public int column(String name) {
        return header.indexOf(name);
    }

    public Row row(int line) {
        return rows.stream().filter(r -> r.line() == line).findFirst()
                .orElseThrow(() -> new EditRefused("", "the table has no row at line " + line));
    }

    /**
     * A new rate from {@code from}: the old row ends the day before, a copy with the new rate runs from {@code from}
     * to the old row's end. A change on the row's first day would overwrite the old rate, so it is refused.
     */
    public byte[] changeRate(int line, String rate, LocalDate from) {
        Row old = row(line);
        requireColumns("rate", "from", "to");
        if (rate == null || rate.isBlank()) {
            throw new EditRefused("rate", "give the new rate");
        }
        LocalDate start = date(old, "from");
        LocalDate end = date(old, "to");
        if (from == null) {
            throw new EditRefused("from", "give the first day of the new rate");
        }
        if (start != null && !from.isAfter(start)) {
            throw new EditRefused("from", "the new rate must start after " + start + ", the row's first day: "
                    + "an old rate is never overwritten (to correct a mistake, upload the corrected table)");
        }
        if (end != null && from.isAfter(end)) {
            throw new EditRefused("from", "the row ends on " + end + "; add a new row for dates after it");
        }
        List<String> ended = new ArrayList<>(old.cells());
        pad(ended);
        ended.set(column("to"), from.minusDays(1).toString());
        List<String> next = new ArrayList<>(old.cells());
        pad(next);
        next.set(column("rate"), rate.strip());
        next.set(column("from"), from.toString());
        List<String> out = new ArrayList<>(records);
        int at = recordOf.get(rows.indexOf(old));
        out.set(at, write(ended));
        out.add(at + 1, write(next));
        return join(out);
    }

    /** The row's last day becomes {@code to}; it may only shorten the row, never move its start. */
    public byte[] endDate(int line, LocalDate to) {
        Row old = row(line);
        requireColumns("from", "to");
        LocalDate start = date(old, "from");
        LocalDate end = date(old, "to");
        if (to == null) {
            throw new EditRefused("to", "give the last day the row applies");
        }
        if (start != null && to.isBefore(start)) {
            throw new EditRefused("to", "the last day cannot be before the row's first day " + start);
        }
        if (end != null && to.isAfter(end)) {
            throw new EditRefused("to", "the row already ends on " + end + "; end-dating only shortens a row");
        }
        List<String> cells = new ArrayList<>(old.cells());
        pad(cells);
        cells.set(column("to"), to.toString());
        List<String> out = new ArrayList<>(records);
        out.set(recordOf.get(rows.indexOf(old)), write(cells));
        return join(out);
    }

    /** Adds a row (cells by column name), after the last row of the same measure, or at the end. */
    public byte[] add(Map<String, String> cells) {
        List<String> row = new ArrayList<>();
        for (String column : header) {
            String v = cells.get(column);
            row.add(v == null ? "" : v.strip());
        }
        int measure = column("measureId");
        if (measure >= 0 && row.get(measure).isEmpty()) {
            throw new EditRefused("measureId", "give the measure id");
        }
        int insertAt = records.size();
        for (int i = rows.size() - 1; i >= 0 && measure >= 0; i--) {
            if (rows.get(i).cell(measure).strip().equals(row.get(measure))) {
                insertAt = recordOf.get(i) + 1;
                break;
            }
        }
        List<String> out = new ArrayList<>(records);
        out.add(insertAt, write(row));
        return join(out);
    }

    private void requireColumns(String... names) {
        for (String n : names) {
            if (column(n) < 0) {
                throw new EditRefused(n, "the table has no column '" + n + "'");
            }
        }
    }

    private LocalDate date(Row row, String column) {
        String text = row.cell(column(column)).strip();
        if (text.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw new EditRefused(column, "the row's " + column + " '" + text + "' is not a date (yyyy-MM-dd)");
        }
    }

    private void pad(List<String> cells) {
        while (cells.size() < header.size()) {
            cells.add("");
        }
    }

    private String write(List<String> cells) {
        try {
            CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withLineSeparator("");
            return CSV.writer(schema).writeValueAsString(cells);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> parse(String record, char separator) {
        try (MappingIterator<String[]> it = CSV.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator)).readValues(record)) {
            return it.hasNext() ? Arrays.asList(it.next()) : List.of();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] join(List<String> records) {
        return (String.join("\n", records) + "\n").getBytes(StandardCharsets.UTF_8);
    }
}
