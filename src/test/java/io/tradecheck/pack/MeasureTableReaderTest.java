package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.engine.MeasureRow;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The checks a specialist's table edit meets before anything is compiled. */
class MeasureTableReaderTest {
    private static final String HEADER = String.join(",", MeasureTableReader.COLUMNS) + "\n";
    private final MeasureTableReader reader = new MeasureTableReader(Map.of("EU", List.of("DE", "FR")));

    private List<RulePackProblem> problems(String row) {
        List<RulePackProblem> problems = new ArrayList<>();
        reader.read("t.csv", (HEADER + row + "\n").getBytes(StandardCharsets.UTF_8), problems);
        return problems;
    }

    /** A row in the column order of {@link MeasureTableReader#COLUMNS}, with the tail columns allInRate and basis. */
    private static String row(String kind, String claim, String rate, String source, String allInRate, String basis) {
        return String.join(",", "M-1", "FAM", kind, "EU", "", "US", "8703", "", claim, rate, "", "2025-08-01", "", "",
                "title", "legal", source, "why", allInRate, basis);
    }

    @Test
    void anAllInTariffRowNeedsNoRateAndIsRead() {
        List<RulePackProblem> problems = new ArrayList<>();
        List<MeasureRow> rows = reader.read("t.csv", (HEADER + row("TARIFF", "", "", "https://x.example/a", "15", "") + "\n")
                .getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems);
        assertEquals(0, new BigDecimal("15").compareTo(rows.get(0).allInRate()));
    }

    @Test
    void aRowCannotHaveBothARateAndAnAllInRate() {
        assertTrue(problems(row("TARIFF", "", "10", "https://x.example/a", "15", "")).stream()
                .anyMatch(p -> "allInRate".equals(p.column())));
    }

    @Test
    void aTariffRowNeedsARateOrAnAllInRate() {
        assertTrue(problems(row("TARIFF", "", "", "https://x.example/a", "", "")).stream().anyMatch(p -> "rate".equals(p.column())));
    }

    @Test
    void onlyATariffRowHasAnAllInRate() {
        assertTrue(problems(row("EXEMPTION", "", "", "https://x.example/a", "15", "")).stream()
                .anyMatch(p -> "allInRate".equals(p.column())));
    }

    @Test
    void theSourceMustBeAUrl() {
        assertTrue(problems(row("TARIFF", "", "10", "CSMS 123", "", "")).stream().anyMatch(p -> "source".equals(p.column())));
    }

    @Test
    void anUnknownBasisOrClaimIsReportedWithItsColumn() {
        List<RulePackProblem> problems = problems(row("TARIFF", "vibes", "10", "https://x.example/a", "", "weight"));
        assertTrue(problems.stream().anyMatch(p -> "basis".equals(p.column())));
        assertTrue(problems.stream().anyMatch(p -> "claim".equals(p.column())));
    }

    @Test
    void metalContentIsAKnownBasis() {
        assertEquals(List.of(), problems(row("TARIFF", "metalContentAtMost15", "50", "https://x.example/a", "", "metalContent")));
    }
}
