package io.tradecheck.batch;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Reader;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;

/**
 * Streams a CSV order file with Jackson's CSV parser: a header row of field names, comma or semicolon separated
 * (whichever the header uses), RFC 4180 quoting (quoted separators, quotes and line breaks), blank lines skipped.
 * Line numbers are the physical line on which a record starts, as a text editor shows it.
 */
final class CsvOrderReader implements OrderReader {
    private static final CsvMapper MAPPER = new CsvMapper();

    private final Reader source;
    private final MappingIterator<String[]> rows;
    private final RequestColumns columns;
    private final char separator;

    private CsvOrderReader(Reader source, MappingIterator<String[]> rows, RequestColumns columns, char separator) {
        this.source = source;
        this.rows = rows;
        this.columns = columns;
        this.separator = separator;
    }

    /** Reads and checks the header; {@code firstLine} (from the sniffed prefix) decides the separator. */
    static CsvOrderReader open(Reader source, String firstLine) throws IOException {
        char separator = separatorOf(firstLine);
        ObjectReader reader = MAPPER.readerFor(String[].class)
                .with(CsvSchema.emptySchema().withColumnSeparator(separator))
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(CsvParser.Feature.SKIP_EMPTY_LINES);
        MappingIterator<String[]> rows = reader.readValues(source);
        String[] header;
        try {
            if (!rows.hasNextValue()) {
                throw new OrderFileException("The file is empty");
            }
            header = rows.nextValue();
        } catch (JsonProcessingException e) {
            throw new OrderFileException("Header: " + e.getOriginalMessage());
        }
        RequestColumns columns = RequestColumns.of(Arrays.asList(header), separator == ';');
        return new CsvOrderReader(source, rows, columns, separator);
    }

    /** Comma or semicolon, whichever the header line has more of outside quotes (Excel in many locales saves ';'). */
    static char separatorOf(String headerLine) {
        int commas = 0;
        int semicolons = 0;
        boolean quoted = false;
        for (int i = 0; i < headerLine.length(); i++) {
            char c = headerLine.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            }
        }
        return semicolons > commas ? ';' : ',';
    }

    char separator() {
        return separator;
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    @Override
    public void forEachLine(Consumer<OrderLine> sink) throws IOException {
        long stuckAt = -1;
        while (true) {
            long line = rows.getParser().currentLocation().getLineNr();
            String[] cells;
            try {
                if (!rows.hasNextValue()) {
                    return;
                }
                line = rows.getParser().currentLocation().getLineNr();
                cells = rows.nextValue();
            } catch (JsonProcessingException e) {
                long now = rows.getParser().currentLocation().getLineNr();
                sink.accept(OrderLine.unreadable(line, LineError.WHOLE_LINE, reasonOf(e, line, now)));
                if (now == stuckAt || rows.getParser().isClosed()) {
                    return; // the parser cannot move past this point: the rest of the file is that broken record
                }
                stuckAt = now;
                continue;
            }
            if (!isBlank(cells)) {
                sink.accept(columns.toLine(line, cells));
            }
        }
    }

    private static String reasonOf(JsonProcessingException e, long line, long now) {
        String message = e.getOriginalMessage();
        if (message != null && message.startsWith("Missing closing quote")) {
            return "a quote opened on line " + line + " is never closed, so the rest of the file (to line " + now
                    + ") was read as one value";
        }
        String first = message == null ? e.toString() : message.lines().findFirst().orElse(message);
        return "not valid CSV: " + first;
    }

    private static boolean isBlank(String[] cells) {
        for (String c : cells) {
            if (c != null && !c.isBlank()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        rows.close();
        source.close();
    }
}
