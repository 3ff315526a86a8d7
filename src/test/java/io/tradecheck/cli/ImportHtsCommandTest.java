package io.tradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tradecheck import hts} on the fixture revisions, as a user imports the next revision. */
class ImportHtsCommandTest {
    static final String FIXTURES = "src/test/resources/hts/";
    static final String DATES = FIXTURES + "revision_dates.csv";

    @TempDir
    Path tmp;

    @Test
    void theNextRevisionIsMergedIntoWhatIsThereAndRerunningChangesNothing() throws IOException {
        Path rules = tmp.resolve("rules");
        RuleCommandsTest.Run first = RuleCommandsTest.run("import", "hts", "--rules", rules.toString(), "--dates", DATES,
                FIXTURES + "hts_2025_rev_4.json.gz", FIXTURES + "hts_2025_basic.json");
        assertEquals(ExitCodes.OK, first.exit(), first.out());
        assertTrue(first.out().indexOf("2025_basic") < first.out().indexOf("2025_rev_4"), "imported in date order: " + first.out());
        byte[] beef2025 = Files.readAllBytes(rules.resolve("hts/chapter-02.csv"));

        RuleCommandsTest.Run next = RuleCommandsTest.run("import", "hts", "--rules", rules.toString(), "--dates", DATES,
                FIXTURES + "hts_2026_basic.json");
        assertEquals(ExitCodes.OK, next.exit(), next.out());
        assertTrue(next.out().contains("2026_basic (hts_2026_basic.json, in force from 2026-01-01)"), next.out());
        String beef = Files.readString(rules.resolve("hts/chapter-02.csv"));
        assertTrue(beef.contains("0201.10.50,line,2,2025-01-01,2025-12-31,"), "the 2025 line is closed");
        assertTrue(beef.contains("0201.10.50,line,2,2026-01-01,,"), "the 2026 line is open");
        assertTrue(beef.length() > beef2025.length);

        List<Path> files = list(rules.resolve("hts"));
        byte[][] before = files.stream().map(ImportHtsCommandTest::read).toArray(byte[][]::new);
        RuleCommandsTest.Run again = RuleCommandsTest.run("import", "hts", "--rules", rules.toString(), "--dates", DATES,
                FIXTURES + "hts_2026_basic.json");
        assertEquals(ExitCodes.OK, again.exit(), again.out());
        assertTrue(again.out().contains("already imported, unchanged"), again.out());
        assertArrayEquals(before, files.stream().map(ImportHtsCommandTest::read).toArray(byte[][]::new));
    }

    @Test
    void aRevisionWithoutADateIsRefusedWithTheOptionThatGivesIt() {
        RuleCommandsTest.Run run = RuleCommandsTest.run("import", "hts", "--rules", tmp.resolve("rules").toString(),
                FIXTURES + "hts_2025_basic.json");
        assertEquals(ExitCodes.USAGE, run.exit());
        assertTrue(run.out().contains("--revision-date 2025_basic=yyyy-MM-dd"), run.out());
        RuleCommandsTest.Run dated = RuleCommandsTest.run("import", "hts", "--rules", tmp.resolve("rules").toString(),
                "--revision-date", "2025_basic=2025-01-01", FIXTURES + "hts_2025_basic.json");
        assertEquals(ExitCodes.OK, dated.exit(), dated.out());
    }

    @Test
    void anEarlierRevisionThanTheLastImportedIsRefused() {
        Path rules = tmp.resolve("rules");
        RuleCommandsTest.run("import", "hts", "--rules", rules.toString(), "--dates", DATES, FIXTURES + "hts_2026_basic.json");
        RuleCommandsTest.Run run = RuleCommandsTest.run("import", "hts", "--rules", rules.toString(), "--dates", DATES,
                FIXTURES + "hts_2025_rev_4.json.gz");
        assertEquals(ExitCodes.USAGE, run.exit());
        assertTrue(run.out().contains("date order"), run.out());
    }

    private static List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted().toList();
        }
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
