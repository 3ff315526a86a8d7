package io.tradecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.pack.MeasureTableReader;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Outcome;
import io.tradecheck.model.Shipment;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tariff-cliff warning on a pack of its own: the bundled pack plus a table for Antarctica (AQ), which no bundled
 * row names, so only these rows touch the test shipments.
 */
class UpcomingChangesTest {
    @TempDir
    Path dir;

    private RuleSet rules;

    @BeforeEach
    void compile() throws IOException {
        io.tradecheck.editing.PackFixture.copyBundled(dir);
        Files.writeString(dir.resolve("us-import/cliffs.csv"), String.join(",", MeasureTableReader.COLUMNS) + "\n"
                + row("T-PAUSE", "PAUSE-FAMILY", "PAUSED_TARIFF", "34", "2025-05-14", "2025-08-11")
                + row("T-RESUMED", "PAUSE-FAMILY", "TARIFF", "34", "2025-08-12", "")
                + row("T-STEP", "STEP-FAMILY", "TARIFF", "10", "2025-01-01", "2025-06-30")
                + row("T-STEP", "STEP-FAMILY", "TARIFF", "20", "2025-07-01", "")
                + row("T-GONE", "GONE-FAMILY", "TARIFF", "5", "2025-01-01", "2025-07-10"));
        rules = new RulePackCompiler().compile(RulePackSource.fromDirectory(dir));
    }

    @Test
    void aPauseThatARowEndsIsReportedAsTheSuspendedRateResuming() {
        Finding resume = upcoming(check("2025-07-20", null), "T-PAUSE-UPCOMING");
        assertEquals("The paused 34% resumes on 12 Aug 2025 (test T-PAUSE)", resume.title());
        assertEquals(LocalDate.of(2025, 8, 12), resume.effectiveFrom());
        assertEquals(LocalDate.of(2025, 8, 12), resume.resumesOn());
        assertEquals(0, new BigDecimal("34").compareTo(resume.rate()));
        assertTrue(check("2025-07-20", null).findings().stream().noneMatch(f -> f.ruleId().equals("T-RESUMED-UPCOMING")),
                "the resumption is reported once, as the pause's end");
    }

    @Test
    void aRateChangeSaysTheNewRateAndTheOldOne() {
        Finding step = upcoming(check("2025-06-15", null), "T-STEP-UPCOMING");
        assertEquals(0, new BigDecimal("20").compareTo(step.rate()));
        assertEquals(LocalDate.of(2025, 7, 1), step.effectiveFrom());
        assertTrue(step.title().endsWith("from 1 Jul 2025 (was: 10%)"), step.title());
        Finding gone = upcoming(check("2025-06-15", null), "T-GONE-UPCOMING");
        assertEquals("test T-GONE ends on 10 Jul 2025 (last day)", gone.title());
        assertNull(gone.rate());
    }

    @Test
    void theHorizonCountsDaysAfterTheEntryDateInclusiveAndZeroTurnsItOff() {
        // 1 Jul 2025 is 16 days after 15 Jun 2025.
        assertTrue(has(check("2025-06-15", 16), "T-STEP-UPCOMING"));
        assertTrue(!has(check("2025-06-15", 15), "T-STEP-UPCOMING"));
        assertTrue(check("2025-06-15", 0).findings().stream().noneMatch(f -> f.kind() == FindingKind.UPCOMING_CHANGE));
    }

    @Test
    void theWarningNeverChangesTheDutyOrTheDecision() {
        for (String day : List.of("2025-06-15", "2025-06-30", "2025-07-20", "2025-08-11")) {
            Decision warned = check(day, 60);
            Decision plain = check(day, 0);
            assertTrue(warned.findings().size() > plain.findings().size(), day + ": a change lies within 60 days");
            assertEquals(plain.additionalDutyRate(), warned.additionalDutyRate(), day);
            assertEquals(plain.additionalDuty(), warned.additionalDuty(), day);
            assertEquals(plain.decision(), warned.decision(), day);
        }
        assertEquals(Outcome.DUTIABLE, check("2025-06-15", 60).decision());
    }

    @Test
    void noTableRowMayClaimToBeAnUpcomingChange() throws IOException {
        Files.writeString(dir.resolve("us-import/cliffs.csv"), String.join(",", MeasureTableReader.COLUMNS) + "\n"
                + row("T-HAND-WRITTEN", "STEP-FAMILY", "UPCOMING_CHANGE", "", "2025-01-01", ""));
        RulePackException e = org.junit.jupiter.api.Assertions.assertThrows(RulePackException.class,
                () -> new RulePackCompiler().compile(RulePackSource.fromDirectory(dir)));
        assertTrue(e.getMessage().contains("kind") && e.getMessage().contains("'UPCOMING_CHANGE' is not one of"),
                e.getMessage());
    }

    private Decision check(String entryDate, Integer horizonDays) {
        return rules.check(new Shipment(null, "AQ", null, "AQ", "9506624040", null, BigDecimal.valueOf(1000), "USD", null,
                LocalDate.parse(entryDate), null, null, null, null, null, null, null, null, null, null, horizonDays));
    }

    private static Finding upcoming(Decision decision, String ruleId) {
        return decision.findings().stream().filter(f -> f.ruleId().equals(ruleId)).findFirst()
                .orElseThrow(() -> new AssertionError(ruleId + " not in " + decision.findings()));
    }

    private static boolean has(Decision decision, String ruleId) {
        return decision.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId) && f.kind() == FindingKind.UPCOMING_CHANGE);
    }

    private static String row(String id, String family, String kind, String rate, String from, String to) {
        StringBuilder line = new StringBuilder();
        for (String column : MeasureTableReader.COLUMNS) {
            String value = switch (column) {
                case "measureId" -> id;
                case "family" -> family;
                case "kind" -> kind;
                case "origin", "destination" -> "AQ";
                case "rate" -> rate;
                case "from" -> from;
                case "to" -> to;
                case "title" -> "test " + id;
                case "legalBasis" -> "test";
                case "source" -> "https://example.org/";
                default -> "";
            };
            line.append(line.length() == 0 ? "" : ",").append(value);
        }
        return line.append('\n').toString();
    }
}
