package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.model.CheckRequest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvOrderReaderTest {

    @Test
    void readsEveryLineWithItsLineNumberAndTypedValues() throws IOException {
        List<OrderLine> lines = TestRules.read("orders.csv");
        assertEquals(11, lines.size());
        assertEquals(2, lines.get(0).number());
        CheckRequest first = lines.get(0).request();
        assertEquals("PO-1001", first.reference());
        assertEquals("Soccer balls, size 5", first.description());
        assertEquals(new BigDecimal("10000"), first.customsValue());
        assertEquals("2025-04-15", first.entryDate());
        assertNull(first.exportCountry(), "an empty cell is an absent value");
        assertEquals(Boolean.TRUE, lines.get(5).request().usmcaQualifying());
        assertEquals(new BigDecimal("16.5"), lines.get(3).request().mfnRate());
    }

    @Test
    void readsSemicolonsBomCrlfQuotedLineBreaksAndDecimalCommas() throws IOException {
        List<OrderLine> lines = TestRules.read("semicolon-bom.csv");
        assertEquals(3, lines.size(), "the blank line and the line of bare separators are skipped");
        OrderLine first = lines.get(0);
        assertTrue(first.readable(), first.errors().toString());
        assertEquals("SEMI-1", first.request().reference(), "the byte-order mark is not part of the first column name");
        assertEquals("Balls; size 5\r\nin nets", first.request().description());
        assertEquals(new BigDecimal("2.5"), first.request().mfnRate());
        assertEquals(2, first.number());
        assertEquals(5, lines.get(1).number(), "numbers count physical lines, across a quoted line break");
        assertEquals(new BigDecimal("36000.50"), lines.get(1).request().customsValue());
        assertEquals(Boolean.TRUE, lines.get(1).request().usmcaQualifying());
        assertEquals("Laptops \"pro\"", lines.get(2).request().description());
        assertEquals(Boolean.FALSE, lines.get(2).request().usmcaQualifying());
    }

    @Test
    void aLineThatCannotBeReadIsAnErrorWithItsLineAndColumnAndTheNextLineIsRead() throws IOException {
        List<OrderLine> lines = TestRules.read("bad-lines.csv");
        assertEquals("GOOD-1", lines.get(0).request().reference());
        assertError(lines, 3, "(line)", "the line has 10 values but the header has 9 columns");
        assertError(lines, 4, "customsValue", "must be a plain number");
        assertEquals("NOT-A-NUMBER", line(lines, 4).reference(), "an unreadable line keeps its reference");
        assertError(lines, 5, "usmcaQualifying", "must be true or false (got 'maybe')");
        assertError(lines, 14, "(line)", "not valid CSV");
        assertEquals("GOOD-2", line(lines, 15).request().reference(), "the line after a broken quote reads normally");
        assertError(lines, 16, "(line)", "a quote opened on line 16 is never closed");
        // Values that read but break a constraint are left to validation (see BatchValidatorTest).
        assertTrue(line(lines, 6).readable());
    }

    @Test
    void anInvalidByteAfterTheSniffedStartIsAnErrorForItsLineOnly() throws IOException {
        ByteArrayOutputStream file = new ByteArrayOutputStream();
        file.writeBytes("reference,originCountry,destinationCountry,hsCode,description,customsValue,currency\n"
                .getBytes(StandardCharsets.UTF_8));
        int goodLines = OrderFiles.SNIFF_BYTES / 20; // about 26 bytes a line: well past the sniffed start
        for (int i = 0; i < goodLines; i++) {
            file.writeBytes(("P-" + i + ",CN,US,950662,ball,1,USD\n").getBytes(StandardCharsets.UTF_8));
        }
        file.writeBytes("LATIN1,CN,US,950662,Ballon \u00e9t\u00e9,1,USD\n".getBytes(StandardCharsets.ISO_8859_1));
        file.writeBytes("AFTER,CN,US,950662,ball,1,USD\n".getBytes(StandardCharsets.UTF_8));
        List<OrderLine> lines = new ArrayList<>();
        java.nio.file.Path path = java.nio.file.Files.createTempFile("latin1-", ".csv");
        java.nio.file.Files.write(path, file.toByteArray());
        try (OrderReader reader = OrderFiles.open(path, OrderFormat.CSV, null)) {
            reader.forEachLine(lines::add);
        }
        assertEquals(goodLines + 2, lines.size());
        OrderLine bad = lines.get(goodLines);
        assertEquals(goodLines + 2, bad.number());
        assertEquals(List.of(new LineError("description", "is not valid UTF-8 text (save the file as UTF-8)")), bad.errors());
        assertTrue(lines.get(goodLines + 1).readable());
        java.nio.file.Files.delete(path);
    }

    @Test
    void theSeparatorIsWhicheverTheHeaderUses() {
        assertEquals(',', CsvOrderReader.separatorOf("reference,originCountry"));
        assertEquals(';', CsvOrderReader.separatorOf("reference;originCountry;\"a,b\""));
    }

    static OrderLine line(List<OrderLine> lines, long number) {
        return lines.stream().filter(l -> l.number() == number).findFirst()
                .orElseThrow(() -> new AssertionError("no line " + number + " in " + lines));
    }

    static void assertError(List<OrderLine> lines, long number, String column, String reasonPart) {
        OrderLine line = line(lines, number);
        assertFalse(line.readable(), "line " + number + " should be an error");
        LineError error = line.errors().get(0);
        assertEquals(column, error.column(), error.toString());
        assertTrue(error.reason().contains(reasonPart), error.reason());
    }
}
