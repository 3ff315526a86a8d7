package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A reference from an NDJSON order file reaches the CSV results: it must not become a live formula or a row. */
class CsvResultWriterTest {

    static List<String[]> rows(byte[] csv) throws IOException {
        try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(csv)) {
            return it.readAll();
        }
    }

    @Test
    void leadingWhiteSpaceOrLineFeedsBeforeAFormulaDoNotGetItThrough() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ResultWriter writer = ResultWriter.of(ResultFormat.CSV, out)) {
            writer.write(new LineResult(2, " =HYPERLINK(\"http://evil\",\"x\")", "ERROR", null, null, null, null,
                    "originCountry", "\n\n=1+1"));
            writer.write(new LineResult(3, "x\n\n@SUM(A1)", "ERROR", null, null, null, null, null, "-5"));
        }
        List<String[]> rows = rows(out.toByteArray());
        assertEquals(3, rows.size(), new String(out.toByteArray(), StandardCharsets.UTF_8));
        assertEquals("' =HYPERLINK(\"http://evil\",\"x\")", rows.get(1)[1]);
        assertEquals("'\n\n=1+1", rows.get(1)[8]);
        assertEquals("x\n\n@SUM(A1)", rows.get(2)[1], "starts with x: a text cell, its line breaks quoted");
        assertEquals("-5", rows.get(2)[8], "a plain number stays a number (it is data, never a formula)");
        for (String[] row : rows) {
            for (String cell : row) {
                assertTrue(cell.isEmpty() || "=+@".indexOf(cell.strip().isEmpty() ? 'x' : cell.strip().charAt(0)) < 0,
                        cell);
            }
        }
    }
}
