package io.tradecheck.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The one rule every CSV writer of the service applies to text cells (issue 17, item 14). */
class SpreadsheetCsvTest {

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\")", "+1+1", "-2+3", "@SUM(A1)", "\tx", "\rx", " =1+1", "\n=1+1",
            "\n\n=HYPERLINK(\"http://x\")", "\u0000=1", " \t @cmd", "\u00a0=1", "+1.5", "-5"})
    void formulasAreNeutralised(String cell) {
        assertEquals("'" + cell, SpreadsheetCsv.neutralise(cell));
    }

    @ParameterizedTest
    @CsvSource({"PO-1001", "12.5", "x=y", "a-b @c"})
    void dataStaysAsItIs(String cell) {
        assertEquals(cell, SpreadsheetCsv.neutralise(cell));
    }

    @Test
    void inColumnsOfAmountsANegativeNumberStaysANumber() {
        assertEquals("-1.25", SpreadsheetCsv.neutraliseText("-1.25"));
        assertEquals("\"-5\"", SpreadsheetCsv.cell(-5));
        assertEquals("'-1+1", SpreadsheetCsv.neutraliseText("-1+1"));
    }
}
