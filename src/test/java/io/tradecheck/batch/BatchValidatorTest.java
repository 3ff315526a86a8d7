package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The batch path end to end on the bundled rules: bad lines become ERROR lines, the run goes on, the summary adds up. */
class BatchValidatorTest {

    @Test
    void everyBadLineClassBecomesAnErrorWithLineColumnAndReasonAndTheRunGoesOn() throws IOException {
        TestRules.Run run = TestRules.run(TestRules.DATA.resolve("bad-lines.csv"));
        List<LineResult> results = run.results();
        assertEquals(15, results.size(), "one result per line, errors included; GOOD-3 is inside the unclosed quote");
        for (int i = 0; i < results.size(); i++) {
            assertEquals(i + 2, results.get(i).line(), "results come in file order");
        }
        assertError(run, "TOO-MANY", "(line)", "values but the header has 9 columns");
        assertError(run, "NOT-A-NUMBER", "customsValue", "must be a plain number");
        assertError(run, "NOT-A-BOOLEAN", "usmcaQualifying", "must be true or false");
        assertError(run, "BAD-COUNTRY", "originCountry", "ISO 3166-1 alpha-2");
        assertError(run, "MISSING-HS", "hsCode", "must not be blank");
        assertError(run, "BAD-HS", "hsCode", "must be 6 to 10 digits");
        assertError(run, "BAD-DATE", "entryDate", "15/04/2025");
        assertError(run, "BAD-CURRENCY", "currency", "XYZ");
        assertEquals(3, run.byReference("TOO-MANY").line());
        assertError(run, "NEGATIVE", "customsValue", "must be greater than or equal to 0");
        LineResult two = assertError(run, "TWO-ERRORS", "currency hsCode", "currency: ");
        assertTrue(two.reason().contains("hsCode: must be 6 to 10 digits"), two.reason());
        assertEquals(14, results.get(12).line());
        assertEquals(LineResult.ERROR, results.get(12).decision(), "the broken quote on line 14");
        assertEquals("DUTIABLE", run.byReference("GOOD-1").decision());
        assertEquals("DUTIABLE", run.byReference("GOOD-2").decision());
        assertEquals(LineResult.ERROR, results.get(results.size() - 1).decision(), "the unclosed quote swallows the rest");

        BatchSummary summary = run.summary();
        assertEquals(15, summary.lines());
        assertEquals(13, summary.errors());
        assertEquals(13L, summary.decisions().get("ERROR"));
        assertEquals(2L, summary.decisions().get("DUTIABLE"));
        assertTrue(summary.blocking());
    }

    @Test
    void theSummaryCountsDecisionsAndAddsDutyPerCurrencyOnOneRuleSet() throws IOException {
        TestRules.Run run = TestRules.run(Path.of("examples/orders.csv"));
        BatchSummary s = run.summary();
        assertEquals(11, s.lines());
        assertEquals(Map.of("PROHIBITED", 1L, "LICENSE_REQUIRED", 1L, "DUTIABLE", 6L, "REVIEW", 0L, "CLEAR", 1L, "ERROR", 2L),
                s.decisions());
        assertEquals(0, new BigDecimal("4200.00").compareTo(s.additionalDutyByCurrency().get("EUR")));
        // 249,000 before the Section 301 lists, plus List 3 25% on the gallium of PO-1008 (8112.92.10, "See 9903.88.03"),
        // plus the EU's 10% all-in forced-labour Section 301 duty on PO-1007's laptops (MFN Free from the schedule).
        assertEquals(0, new BigDecimal("271000.00").compareTo(s.additionalDutyByCurrency().get("USD")));
        assertEquals(TestRules.checker().rules().current().ref(), s.ruleSet());

        LineResult soccer = run.byReference("PO-1001");
        assertEquals(List.of("9903.01.63", "9903.01.24", "9903.88.15"), soccer.measures());
        assertEquals(0, new BigDecimal("152.5").compareTo(soccer.additionalDutyRate()));
        assertTrue(soccer.reason().contains("Reciprocal tariff on China (125%)"), soccer.reason());
        assertEquals("PROHIBITED", run.byReference("PO-1008").decision());
    }

    @Test
    void aFileWithoutProhibitionsOrErrorsDoesNotBlockAPipeline() throws IOException {
        TestRules.Run run = TestRules.run(TestRules.DATA.resolve("semicolon-bom.csv"));
        assertEquals(3, run.summary().lines());
        assertEquals(0, run.summary().errors(), run.results().toString());
        assertFalse(run.summary().blocking());
    }

    @Test
    void csvResultsAreSafeToOpenInASpreadsheet() throws IOException {
        TestRules.Run run = TestRules.run(TestRules.DATA.resolve("bad-lines.csv"));
        String csv = TestRules.csvOf(run.results());
        assertTrue(csv.startsWith("line,reference,decision,additionalDutyRate,additionalDuty,currency,measures,column,reason,"
                + "mfnRate,totalDutyRate,totalDuty\n"));
        assertTrue(csv.contains("\n13,\"'=HYPERLINK(\"\"http://x\"\")\",ERROR,"), csv);
    }

    private static LineResult assertError(TestRules.Run run, String reference, String column, String reasonPart) {
        LineResult r = run.byReference(reference);
        assertEquals(LineResult.ERROR, r.decision(), r.toString());
        assertEquals(column, r.column(), r.toString());
        assertTrue(r.reason().contains(reasonPart), r.reason());
        return r;
    }
}
