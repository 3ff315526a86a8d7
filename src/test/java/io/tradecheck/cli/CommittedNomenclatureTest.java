package io.tradecheck.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The committed rules/hts is what {@code tradecheck import hts} makes of the USITC exports in shared/data: re-imports all
 * 44 revisions into an empty folder and compares file by file. Skipped (with a message) where the data is not present.
 */
class CommittedNomenclatureTest {
    /**
     * usitc-hts/revision_dates.csv leaves 2026 Rev 8 out (editorial only, no rate change); it is imported at its
     * publication date so that its description changes are not lost. See docs/hts-nomenclature.md.
     */
    static final String REV_8_DATE = "2026_rev_8=2026-05-22";

    @TempDir
    Path tmp;

    @Test
    void committedNomenclatureEqualsAReimportOfTheUsitcExports() throws IOException {
        Path data = Stream.of(Path.of("/work/shared/data/usitc-hts"), Path.of("../shared/data/usitc-hts"),
                Path.of("../../shared/data/usitc-hts")).filter(Files::isDirectory).findFirst().orElse(null);
        assumeTrue(data != null, "skipped: the USITC exports (shared/data/usitc-hts) are not on this machine");
        List<String> args = new ArrayList<>(List.of("import", "hts", "--rules", tmp.toString(),
                "--dates", data.resolve("revision_dates.csv").toString(), "--revision-date", REV_8_DATE));
        try (Stream<Path> files = Files.list(data)) {
            files.filter(p -> p.getFileName().toString().matches("hts_\\d{4}_.*\\.json\\.gz")).sorted()
                    .forEach(p -> args.add(p.toString()));
        }
        RuleCommandsTest.Run run = RuleCommandsTest.run(args.toArray(String[]::new));
        assertEquals(ExitCodes.OK, run.exit(), run.out());

        Path committed = Path.of("rules/hts");
        assertEquals(names(committed), names(tmp.resolve("hts")), "the same files");
        for (String name : names(committed)) {
            assertEquals(Files.readString(committed.resolve(name)), Files.readString(tmp.resolve("hts").resolve(name)),
                    "rules/hts/" + name + " differs from a re-import: run tradecheck import hts (docs/hts-nomenclature.md)");
        }
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }
}
