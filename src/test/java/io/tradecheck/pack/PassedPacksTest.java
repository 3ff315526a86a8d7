package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.editing.PackFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PassedPacksTest {
    static RulePackSource bundled;

    @TempDir
    Path dir;

    @BeforeAll
    static void readBundled() {
        bundled = RulePackSource.fromDirectory(PackFixture.BUNDLED);
    }

    @Test
    void aPackThatPassedWithTheSameBuildIsNotCheckedAgainButADifferentBuildChecksItInFull() throws IOException {
        PackCheck check = new PackCheck(new RulePackCompiler(), PackCheck.Coverage.GATE, PassedPacks.in(dir, "build-1"));
        PackCheck.Checked first = check.check(bundled);
        assertTrue(first.valid(), () -> first.verdict().errors().toString());
        assertFalse(first.scenarios().isEmpty(), "the first check runs every scenario");
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(1, files.count(), "the passing verdict is recorded");
        }

        PackCheck.Checked again = check.check(bundled);
        assertTrue(again.valid());
        assertTrue(again.scenarios().isEmpty(), "scenarios are not run again for the same pack and build");
        assertEquals(first.verdict().scenarios(), again.verdict().scenarios(), "the earlier counts are reported");
        assertEquals(first.verdict().digest(), again.verdict().digest());
        assertTrue(again.ruleSet() != null && again.ruleSet() != first.ruleSet(), "the pack is compiled anew");

        PackCheck otherBuild = new PackCheck(new RulePackCompiler(), PackCheck.Coverage.GATE, PassedPacks.in(dir, "build-2"));
        assertFalse(otherBuild.check(bundled).scenarios().isEmpty(), "another build of the service checks in full");
        PackCheck otherCoverage = new PackCheck(new RulePackCompiler(), PackCheck.Coverage.WARN, PassedPacks.in(dir, "build-1"));
        assertFalse(otherCoverage.check(bundled).scenarios().isEmpty(), "another coverage mode checks in full");
    }

    @Test
    void aFailingPackIsNeverRememberedAndAnUnreadableRecordMeansAFullCheck() throws IOException {
        PassedPacks passed = PassedPacks.in(dir, "build-1");
        PackCheck check = new PackCheck(new RulePackCompiler(), PackCheck.Coverage.GATE, passed);
        RulePackSource bad = RulePackSource.of("draft", BadDrafts.untestedRowAndFailingScenario(bundled).values().stream().toList());
        assertFalse(check.check(bad).valid());
        assertFalse(Files.exists(dir) && Files.list(dir).findAny().isPresent(), "nothing recorded for a failing pack");
        PackCheck.Checked again = check.check(bad);
        assertFalse(again.valid());
        assertFalse(again.scenarios().isEmpty(), "a failing pack is checked in full every time");

        check.check(bundled);
        Path record;
        try (Stream<Path> files = Files.list(dir)) {
            record = files.findFirst().orElseThrow();
        }
        Files.writeString(record, "{ not json");
        assertFalse(check.check(bundled).scenarios().isEmpty(), "an unreadable record is ignored");

        // A record claiming a pass for another digest (a copied file) is not believed either.
        PackVerdict stolen = new ObjectMapper().readValue(record.toFile(), PackVerdict.class);
        Files.writeString(record, new ObjectMapper().writeValueAsString(new PackVerdict(true, stolen.packVersion(),
                "sha256:other", stolen.compileMillis(), stolen.errors(), stolen.warnings(), stolen.scenarios())));
        assertFalse(check.check(bundled).scenarios().isEmpty());
    }

    @Test
    void theBuildIsTheJarAClassComesFromAndNothingIsRememberedOutsideAJar() {
        assertTrue(PassedPacks.buildOf(ObjectMapper.class).isPresent(), "a library class comes from a jar");
        assertTrue(PassedPacks.buildOf(PassedPacks.class).isEmpty(), "in tests the classes come from a folder");
        PackCheck check = new PackCheck(new RulePackCompiler(), PackCheck.Coverage.GATE, PassedPacks.in(dir));
        check.check(bundled);
        assertFalse(check.check(bundled).scenarios().isEmpty());
    }
}
