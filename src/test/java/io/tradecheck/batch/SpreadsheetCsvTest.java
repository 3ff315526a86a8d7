package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** The one formula-injection rule of every CSV the service writes (batch results, exports, impact changes). */
class SpreadsheetCsvTest {

    @ParameterizedTest(name = "[{0}] -> [{1}]")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "=SUM(A1)|'=SUM(A1)",
            "+CMD|'+CMD",
            "-2+3|'-2+3",
            "@SUM(A1)|'@SUM(A1)",
            "PO-1|PO-1",
            "-5|-5",
            "+2.5|+2.5",
            "125|125",
    })
    void textThatASpreadsheetWouldRunGetsAnApostropheAndNumbersStayNumbers(String text, String written) {
        assertEquals(written, SpreadsheetCsv.cell(text));
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {" =1+1", "\n=1+1", "\n\n=HYPERLINK(\"http://x\")", "\u0000=1",
            " \t @cmd", "\u00a0=1", "-2+3"})
    void aFormulaBehindLeadingWhiteSpaceOrControlCharactersIsNeutralisedToo(String text) {
        assertEquals("'" + text, SpreadsheetCsv.cell(text));
    }

    @Test
    void tabAndCarriageReturnAtTheStartAreNeutralisedToo() {
        assertEquals("'\t=1", SpreadsheetCsv.cell("\t=1"));
        assertEquals("'\r=1", SpreadsheetCsv.cell("\r=1"));
        assertEquals("3750.00", SpreadsheetCsv.cell(new BigDecimal("3.75E+3").setScale(2)));
    }

    @Test
    void rowsAreQuotedWhereACellNeedsItWithAHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (SpreadsheetCsv csv = new SpreadsheetCsv(out, List.of("line", "reference", "rate"))) {
            csv.write(2L, "=HYPERLINK(\"http://x\")", new BigDecimal("-7.5"));
            csv.write(3L, null, null);
        }
        assertEquals("line,reference,rate\n2,\"'=HYPERLINK(\"\"http://x\"\")\",-7.5\n3,,\n",
                out.toString(StandardCharsets.UTF_8));
    }
}
