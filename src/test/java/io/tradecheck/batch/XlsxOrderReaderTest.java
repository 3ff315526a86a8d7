package io.tradecheck.batch;

import static io.tradecheck.batch.CsvOrderReaderTest.assertError;
import static io.tradecheck.batch.CsvOrderReaderTest.line;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** orders.xlsx: sheet "Orders" (dates, formatted and plain numbers, a boolean, an empty row, an #N/A cell), "March", "Typo". */
class XlsxOrderReaderTest {
    static final Path WORKBOOK = TestRules.DATA.resolve("orders.xlsx");

    @Test
    void readsTheFirstSheetWithRowNumbersDatesAndPlainNumbers() throws IOException {
        List<OrderLine> lines = TestRules.read(WORKBOOK, null);
        assertEquals(4, lines.size(), "the empty row 4 is skipped");
        OrderLine first = line(lines, 2);
        assertEquals("XL-1", first.request().reference());
        assertEquals("2025-04-15", first.request().entryDate(), "a date cell reads as an ISO date, whatever its format");
        assertEquals(new BigDecimal("10000"), first.request().customsValue(), "not the displayed 10,000.00");
        OrderLine second = line(lines, 3);
        assertEquals("8708295000", second.request().hsCode(), "an HS code typed as a number keeps its digits");
        assertEquals(new BigDecimal("36000.5"), second.request().customsValue());
        assertEquals(Boolean.TRUE, second.request().usmcaQualifying());
        assertError(lines, 5, "customsValue", "spreadsheet error #N/A");
        assertEquals("XL-3", line(lines, 5).reference());
        assertEquals("2025-06-01", line(lines, 6).request().entryDate(), "a date typed as text is read as is");
    }

    @Test
    void readsANamedSheet() throws IOException {
        List<OrderLine> lines = TestRules.read(WORKBOOK, "March");
        assertEquals(1, lines.size());
        assertEquals("MAR-1", lines.get(0).request().reference());
    }

    @Test
    void anUnknownSheetOrAHeaderTypoMakesTheWorkbookUnreadable() {
        OrderFileException noSheet = assertThrows(OrderFileException.class, () -> TestRules.read(WORKBOOK, "April"));
        assertEquals("No sheet named 'April'; the workbook has: Orders, March, Typo", noSheet.getMessage());
        OrderFileException typo = assertThrows(OrderFileException.class, () -> TestRules.read(WORKBOOK, "Typo"));
        assertTrue(typo.getMessage().contains("unknown column 'orgin' (did you mean 'originCountry'?)"), typo.getMessage());
    }
}
