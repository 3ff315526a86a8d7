package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static io.tradecheck.pack.BadDrafts.timeless;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.cli.TradecheckCommand;
import io.tradecheck.editing.ActivationRefusedException;
import io.tradecheck.editing.Draft;
import io.tradecheck.editing.DraftStore;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.PackFixture;
import io.tradecheck.editing.RuleActivation;
import io.tradecheck.editing.RulesFolder;
import io.tradecheck.editing.TestHistory;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.io.TempDir;

/**
 * One bad draft through every door that puts or keeps a pack in force, or tells its author whether it would pass: the
 * same verdict from each. The HTTP door (a draft's validation) is in RuleEditingResourceTest, against this check.
 */
class PackCheckDoorsTest {
    static RulePackSource bundled;

    @TempDir
    Path tmp;

    @BeforeAll
    static void readBundled() {
        bundled = RulePackSource.fromDirectory(PackFixture.BUNDLED);
    }

    static Stream<Arguments> badDrafts() {
        return Stream.of(
                Arguments.of("untested row and failing scenario",
                        (Function<RulePackSource, Map<String, RuleFile>>) BadDrafts::untestedRowAndFailingScenario),
                Arguments.of("row with a bad date",
                        (Function<RulePackSource, Map<String, RuleFile>>) BadDrafts::rowWithBadDate));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badDrafts")
    void everyDoorGivesTheSameVerdict(String name, Function<RulePackSource, Map<String, RuleFile>> bad) throws IOException {
        Map<String, RuleFile> files = bad.apply(bundled);
        RulePackSource draft = RulePackSource.of("draft", files.values().stream().toList());
        PackVerdict build = new PackCheck().check(draft).verdict();
        assertFalse(build.valid());
        assertFalse(build.errors().isEmpty());

        // tradecheck validate --json and tradecheck test, on a folder holding the draft
        Path folder = tmp.resolve("draft-folder");
        write(folder, draft);
        Run validate = run("validate", "--rules", folder.toString(), "--json");
        assertEquals(3, validate.exit(), validate.out());
        assertEquals(timeless(build), timeless(new ObjectMapper().readValue(validate.out(), PackVerdict.class)));
        Run test = run("test", "--rules", folder.toString(), "--quiet");
        assertEquals(build.scenarios().run() == 0 ? 3 : 4, test.exit(), test.out());
        build.errors().forEach(p -> assertTrue((test.out() + test.err()).contains(p.file()), test.out() + test.err()));
        if (build.scenarios().run() > 0) {
            assertTrue(test.out().contains(build.scenarios().passed() + " passed, " + build.scenarios().failed()
                    + " failed"), test.out());
        }

        // start-up on a folder holding the draft, with no earlier version to fall back on
        RulePackException startUp = assertThrows(RulePackException.class, () -> start(folder, tmp.resolve("data-0")));
        assertEquals(build.errors(), startUp.problems());

        // activation of the draft, then the same files edited into the watched folder
        Path rules = tmp.resolve("rules");
        PackFixture.copyBundled(rules);
        RuleActivation activation = start(rules, tmp.resolve("data"));
        Draft asDraft = new DraftStore(5, PackArchive.Limits.DEFAULT, Clock.systemUTC())
                .create(files, activation.state().version(), "ann", null);
        ActivationRefusedException refused = assertThrows(ActivationRefusedException.class,
                () -> activation.activate(asDraft, "ann", null, false));
        assertEquals(timeless(build), timeless(refused.verdict()));

        write(rules, draft);
        assertTrue(activation.reloadFolder().isEmpty());
        assertEquals(RuleActivation.Status.ERROR, activation.state().status());
        assertEquals(build.errors(), activation.state().lastError().problems());
    }

    private static RuleActivation start(Path rules, Path data) {
        return RuleActivation.start(new RulesFolder(rules), TestHistory.in(data), new PackCheck(),
                Clock.systemUTC());
    }

    private static void write(Path folder, RulePackSource source) throws IOException {
        for (RuleFile f : source.files()) {
            Path p = folder.resolve(f.path());
            Files.createDirectories(p.getParent());
            Files.write(p, f.content());
        }
    }

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        PrintStream stdout = System.out;
        PrintStream stderr = System.err;
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            int exit = TradecheckCommand.commandLine().execute(args);
            return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(stdout);
            System.setErr(stderr);
        }
    }
}
