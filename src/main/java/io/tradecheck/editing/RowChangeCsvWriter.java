package io.tradecheck.editing;

import io.tradecheck.decisionlog.SpreadsheetCsv;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Changed lines of an impact analysis as CSV, one line per changed order line, for a spreadsheet. Cells that a
 * spreadsheet would run as a formula are prefixed with an apostrophe.
 */
public final class RowChangeCsvWriter implements AutoCloseable {
    public static final List<String> COLUMNS = List.of("line", "reference", "change", "decisionBefore", "decisionAfter",
            "rateBefore", "rateAfter", "dutyBefore", "dutyAfter", "dutyDelta", "currency", "causes", "added", "removed");

    private final Writer out;

    public RowChangeCsvWriter(OutputStream out) throws IOException {
        this.out = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        this.out.write(String.join(",", COLUMNS) + "\n");
    }

    public void write(RowChange c) throws IOException {
        out.write(Stream.of(String.valueOf(c.line()), c.reference(), c.change().name(), String.valueOf(c.decisionBefore()),
                        String.valueOf(c.decisionAfter()), plain(c.rateBefore()), plain(c.rateAfter()), plain(c.dutyBefore()),
                        plain(c.dutyAfter()), plain(c.dutyDelta()), c.currency(), String.join("; ", c.causes()),
                        String.join("; ", c.added()), String.join("; ", c.removed()))
                .map(RowChangeCsvWriter::cell).collect(Collectors.joining(",")));
        out.write('\n');
    }

    private static String plain(BigDecimal d) {
        return d == null ? "" : d.toPlainString();
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String v = SpreadsheetCsv.neutraliseText(value);
        boolean quote = v.chars().anyMatch(ch -> ch == ',' || ch == '"' || ch == '\r' || ch == '\n');
        return quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v;
    }

    @Override
    public void close() throws IOException {
        out.flush();
    }
}
