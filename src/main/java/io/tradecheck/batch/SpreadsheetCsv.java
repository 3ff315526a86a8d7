package io.tradecheck.batch;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The one CSV writer for files people open in a spreadsheet: batch results, decision-log exports, the changed lines of
 * an impact analysis. Comma, RFC 4180 quoting where a cell needs it, a header row, UTF-8 (Jackson CSV, already used to
 * read order files). One formula-injection rule (OWASP's advice on CSV injection): a text cell starting with
 * {@code = + - @}, tab or carriage return gets a leading apostrophe, so a spreadsheet shows it and never runs it; a plain
 * number ({@code -5}, {@code +2.5}) is data, and stays a number.
 */
public final class SpreadsheetCsv implements Closeable {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final Pattern PLAIN_NUMBER = Pattern.compile("[-+]?[0-9]+(\\.[0-9]+)?");

    private final SequenceWriter rows;
    private final String[] row;

    /** Writes the header row; closing flushes and closes {@code out}. */
    public SpreadsheetCsv(OutputStream out, List<String> columns) throws IOException {
        CsvSchema.Builder schema = CsvSchema.builder();
        columns.forEach(schema::addColumn);
        // No flush per row: the stream is flushed by its buffer, and at the end.
        this.rows = MAPPER.writerFor(String[].class).with(schema.build().withHeader())
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE)
                .writeValues(new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024));
        this.row = new String[columns.size()];
    }

    /** One row, a cell per column in order: text, numbers (written plain, never 3.75E+3), or null for empty. */
    public void write(Object... cells) throws IOException {
        for (int i = 0; i < row.length; i++) {
            row[i] = i < cells.length ? cell(cells[i]) : null;
        }
        rows.write(row);
    }

    public static String cell(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof BigDecimal number) {
            return number.toPlainString();
        }
        String text = value.toString();
        if (text.isEmpty() || "=+-@\t\r".indexOf(text.charAt(0)) < 0 || PLAIN_NUMBER.matcher(text).matches()) {
            return text;
        }
        return "'" + text;
    }

    public void flush() throws IOException {
        rows.flush();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
