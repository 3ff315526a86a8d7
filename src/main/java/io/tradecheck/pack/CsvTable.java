package io.tradecheck.pack;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A CSV file with a header row, as a spreadsheet saves it: UTF-8 with or without BOM, comma or semicolon separated,
 * quoted fields. Rows come back as header-to-cell maps with their line numbers; blank lines and lines starting with
 * {@code #} are skipped.
 */
public record CsvTable(List<String> header, List<Row> rows) {

    public record Row(int line, Map<String, String> cells) {
        public String get(String column) {
            String v = cells.get(column);
            return v == null ? "" : v.trim();
        }
    }

    private static final CsvMapper MAPPER = new CsvMapper();

    public static CsvTable parse(byte[] bytes) throws IOException {
        String text = new String(bytes, StandardCharsets.UTF_8);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        int eol = text.indexOf('\n');
        String firstLine = eol < 0 ? text : text.substring(0, eol);
        char separator = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CsvSchema schema = CsvSchema.emptySchema().withColumnSeparator(separator).withoutHeader();
        List<String> header = null;
        List<Row> rows = new ArrayList<>();
        try (MappingIterator<List<String>> it = MAPPER.readerForListOf(String.class)
                .with(CsvParser.Feature.WRAP_AS_ARRAY)
                .with(schema)
                .readValues(text)) {
            while (it.hasNextValue()) {
                int line = it.getCurrentLocation().getLineNr();
                List<String> cells = it.nextValue();
                if (cells.isEmpty() || cells.stream().allMatch(String::isBlank) || cells.get(0).startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::trim).toList();
                    continue;
                }
                Map<String, String> byName = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    byName.put(i < header.size() ? header.get(i) : "#" + (i + 1), cells.get(i));
                }
                rows.add(new Row(line, byName));
            }
        }
        return new CsvTable(header == null ? List.of() : header, rows);
    }
}
