package io.tradecheck.batch;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.math.BigDecimal;
import io.tradecheck.decisionlog.SpreadsheetCsv;
import java.nio.charset.StandardCharsets;

/**
 * Results as CSV (comma, RFC 4180 quoting, header row, UTF-8). Safe to open in a spreadsheet: a text cell starting
 * with {@code = + - @}, tab or carriage return is prefixed with a quote, so an order's reference can never run as a
 * formula (CSV injection); numbers are written plain.
 */
final class CsvResultWriter implements ResultWriter {
    private static final CsvMapper MAPPER = new CsvMapper();
    private static final CsvSchema SCHEMA;

    static {
        CsvSchema.Builder builder = CsvSchema.builder();
        LineResult.COLUMNS.forEach(builder::addColumn);
        SCHEMA = builder.build().withHeader();
    }

    private final SequenceWriter rows;
    private final String[] row = new String[LineResult.COLUMNS.size()];

    CsvResultWriter(OutputStream out) throws IOException {
        BufferedWriter writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 64 * 1024);
        // No flush per row: the stream is flushed by its buffer, and at the end.
        this.rows = MAPPER.writerFor(String[].class).with(SCHEMA)
                .without(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).writeValues(writer);
    }

    @Override
    public void write(LineResult r) throws IOException {
        row[0] = Long.toString(r.line());
        row[1] = safe(r.reference());
        row[2] = r.decision();
        row[3] = plain(r.additionalDutyRate());
        row[4] = plain(r.additionalDuty());
        row[5] = safe(r.currency());
        row[6] = r.measures() == null || r.measures().isEmpty() ? null : String.join(" ", r.measures());
        row[7] = safe(r.column());
        row[8] = safe(r.reason());
        rows.write(row);
    }

    /** Neutralises text a spreadsheet would run as a formula (Jackson quotes cells with line breaks). */
    static String safe(String text) {
        return SpreadsheetCsv.neutralise(text);
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.toPlainString();
    }

    @Override
    public void close() throws IOException {
        rows.close();
    }
}
