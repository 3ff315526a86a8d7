package io.tradecheck.batch;

import static io.tradecheck.batch.CsvOrderReaderTest.assertError;
import static io.tradecheck.batch.CsvOrderReaderTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NdjsonOrderReaderTest {

    @Test
    void readsOneRequestPerLine() throws IOException {
        List<OrderLine> lines = TestRules.read("orders.ndjson");
        assertEquals(4, lines.size());
        assertEquals("PO-2001", lines.get(0).request().reference());
        assertEquals(new BigDecimal("10000"), lines.get(0).request().customsValue());
        assertEquals(Boolean.TRUE, lines.get(1).request().usmcaQualifying());
    }

    @Test
    void eachBadLineIsAnErrorWithItsLineNumberAndFieldAndTheNextLineIsRead() throws IOException {
        List<OrderLine> lines = TestRules.read("bad-lines.ndjson");
        assertEquals("GOOD-1", line(lines, 1).request().reference());
        assertError(lines, 2, "(line)", "not valid JSON");
        assertError(lines, 3, "orgin", "unknown field (did you mean 'originCountry'?)");
        assertError(lines, 4, "customsValue", "cannot read 'lots' as a number");
        assertError(lines, 5, "(line)", "expected a JSON object");
        assertError(lines, 7, "(line)", "Duplicate field 'originCountry'");
        assertError(lines, 8, "(line)", "Trailing token");
        assertTrue(line(lines, 9).readable(), "an impossible date is left to validation");
        assertError(lines, 10, "(line)", "expected a JSON object, got null");
        assertEquals("GOOD-2", line(lines, 11).request().reference());
        assertEquals(10, lines.size(), "the blank line 6 is skipped");
    }

    @Test
    void aLineLongerThanTheLimitIsAnErrorAndDoesNotFillTheMemory() throws IOException {
        String huge = "{\"reference\":\"" + "x".repeat(NdjsonOrderReader.MAX_LINE_CHARS + 10) + "\"}\n";
        String good = "{\"reference\":\"OK\",\"originCountry\":\"CN\"}\n";
        List<OrderLine> lines = new ArrayList<>();
        try (NdjsonOrderReader reader = new NdjsonOrderReader(new StringReader(huge + good))) {
            reader.forEachLine(lines::add);
        }
        assertError(lines, 1, "(line)", "longer than");
        assertEquals("OK", line(lines, 2).request().reference());
    }
}
