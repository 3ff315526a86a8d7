package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.engine.MeasureRow;
import io.tradecheck.engine.RuleSet;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class TableWindowCheckTest {
    private static final String HEADER = String.join(",", MeasureTableReader.COLUMNS) + "\n";

    @Test
    void theBundledPackHasNoOverlapAndNoUnacknowledgedGap() {
        RulePackSource source = RulePackSource.fromDirectory(RulePackCompilerTest.BUNDLED);
        RuleSet rules = new RulePackCompiler().compile(source);
        TableWindowCheck.Result result = TableWindowCheck.check(rules.rows().all(), GapAcknowledgements.read(source));
        assertEquals(List.of(), result.overlaps());
        assertEquals(List.of(), result.gaps());
    }

    @Test
    void overlappingWindowsOfTheSameMeasureAndScopeAreAnErrorAtTheLaterRow() {
        List<MeasureRow> rows = read("""
                X-1,FAM,TARIFF,CN,,US,,,,10,,2025-01-01,2025-03-31,,t,lb,https://example.org,
                X-1,FAM,TARIFF,CN,,US,,,,20,,2025-03-15,2025-06-30,,t,lb,https://example.org,
                X-1,FAM,TARIFF,DE,,US,,,,20,,2025-03-15,2025-06-30,,t,lb,https://example.org,
                """);
        TableWindowCheck.Result result = TableWindowCheck.check(rows, GapAcknowledgements.NONE);
        assertEquals(1, result.overlaps().size(), result.toString());
        RulePackProblem p = result.overlaps().get(0);
        assertEquals("us-import/t.csv", p.file());
        assertEquals(3, p.line());
        assertEquals("from", p.column());
        assertTrue(p.message().contains("overlaps [2025-01-01 .. 2025-03-31] at us-import/t.csv:2"), p.message());
    }

    @Test
    void anOpenEndedWindowOverlapsEverythingAfterIt() {
        List<MeasureRow> rows = read("""
                X-1,FAM,TARIFF,CN,,US,,,,10,,2025-01-01,,,t,lb,https://example.org,
                X-1,FAM,TARIFF,CN,,US,,,,20,,2026-01-01,,,t,lb,https://example.org,
                """);
        assertEquals(1, TableWindowCheck.check(rows, GapAcknowledgements.NONE).overlaps().size());
    }

    @Test
    void aWindowInsideALongerEarlierOneIsAnOverlapEvenAfterAShortOne() {
        List<MeasureRow> rows = read("""
                X-1,FAM,TARIFF,CN,,US,,,,10,,2025-01-01,2025-12-31,,t,lb,https://example.org,
                X-1,FAM,TARIFF,CN,,US,,,,20,,2025-02-01,2025-02-28,,t,lb,https://example.org,
                X-1,FAM,TARIFF,CN,,US,,,,30,,2025-06-01,2025-06-30,,t,lb,https://example.org,
                """);
        assertEquals(List.of(3, 4), TableWindowCheck.check(rows, GapAcknowledgements.NONE).overlaps().stream()
                .map(RulePackProblem::line).toList());
    }

    @Test
    void aGapIsAWarningUnlessAcknowledged() {
        String table = """
                X-1,FAM,TARIFF,CN HK,,US,,,,10,,2025-01-01,2025-03-31,,t,lb,https://example.org,
                X-1,FAM,TARIFF,HK CN,,US,,,,20,,2025-04-10,2025-06-30,,t,lb,https://example.org,
                X-1,FAM,TARIFF,CN HK,,US,,,,20,,2025-07-01,,,t,lb,https://example.org,
                """;
        List<MeasureRow> rows = read(table);
        TableWindowCheck.Result result = TableWindowCheck.check(rows, GapAcknowledgements.NONE);
        assertEquals(List.of(), result.overlaps());
        assertEquals(1, result.gaps().size());
        assertEquals(3, result.gaps().get(0).line());
        assertTrue(result.gaps().get(0).message().contains("from 2025-04-01 to 2025-04-09"), result.gaps().get(0).message());

        RulePackSource acknowledged = RulePackSource.of("test", List.of(RulePackSource.file("us-import/t.csv",
                (HEADER + "# gap-ok: X-1 2025-04-01\n" + table).getBytes(StandardCharsets.UTF_8))));
        assertEquals(List.of(), TableWindowCheck.check(rows, GapAcknowledgements.read(acknowledged)).gaps());
        RulePackSource wrongDay = RulePackSource.of("test", List.of(RulePackSource.file("us-import/t.csv",
                (HEADER + "# gap-ok: X-1 2025-05-01\n" + table).getBytes(StandardCharsets.UTF_8))));
        assertEquals(1, TableWindowCheck.check(rows, GapAcknowledgements.read(wrongDay)).gaps().size());
    }

    @Test
    void aGapFilledByAnotherMeasureOfTheSameFamilyAndPlaceIsMeant() {
        // A ban suspended by a notice for a year, then back: the ban's gap is the suspension.
        List<MeasureRow> rows = read("""
                BAN,ANN46,PROHIBITION,,CN,US,811292,,,,,2024-12-03,2025-11-08,,t,lb,https://example.org,
                BAN-SUSPENDED,ANN46,NOTICE,,CN,US,811292,,,,,2025-11-09,2026-11-27,,t,lb,https://example.org,
                BAN,ANN46,PROHIBITION,,CN,US,811292,,,,,2026-11-28,,,t,lb,https://example.org,
                """);
        assertEquals(List.of(), TableWindowCheck.check(rows, GapAcknowledgements.NONE).gaps());
        List<MeasureRow> elsewhere = read("""
                BAN,ANN46,PROHIBITION,,CN,US,811292,,,,,2024-12-03,2025-11-08,,t,lb,https://example.org,
                BAN-SUSPENDED,ANN46,NOTICE,,CN,US,282560,,,,,2025-11-09,2026-11-27,,t,lb,https://example.org,
                BAN,ANN46,PROHIBITION,,CN,US,811292,,,,,2026-11-28,,,t,lb,https://example.org,
                """);
        assertEquals(1, TableWindowCheck.check(elsewhere, GapAcknowledgements.NONE).gaps().size());
    }

    @Test
    void theCompilerRejectsAnOverlapWithFileLineAndColumn(@org.junit.jupiter.api.io.TempDir Path dir) throws IOException {
        RulePackCompilerTest.copy(RulePackCompilerTest.BUNDLED, dir);
        Path table = dir.resolve("us-import/ieepa-fentanyl-china.csv");
        List<String> lines = new ArrayList<>(Files.readAllLines(table));
        // A specialist pastes the 20% row again with a new rate but forgets to end the old one.
        lines.add(lines.get(2).replace(",20,", ",25,").replaceFirst(",2025-03-04,", ",2025-06-01,"));
        Files.write(table, lines);
        RulePackException e = assertThrows(RulePackException.class,
                () -> new RulePackCompiler().compile(RulePackSource.fromDirectory(dir)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("us-import/ieepa-fentanyl-china.csv")
                && p.line() == lines.size() && "from".equals(p.column()) && p.message().contains("overlaps")), e.getMessage());
    }

    private static List<MeasureRow> read(String rows) {
        List<RulePackProblem> problems = new ArrayList<>();
        List<MeasureRow> read = new MeasureTableReader(java.util.Map.of()).read("us-import/t.csv",
                (HEADER + rows).getBytes(StandardCharsets.UTF_8), problems);
        assertEquals(List.of(), problems);
        return read;
    }
}
