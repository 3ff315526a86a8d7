package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The build's door of the one pack check: runs {@link PackCheck} on the bundled rules/ (as the service does before a
 * pack goes live) and shows every scenario as an ordinary test named by its sentence, so a specialist's scenario
 * failing shows in the build like any other test. The coverage gate is one more test; the figures are printed after.
 */
class RulePackScenariosTest {
    static PackCheck.Checked checked;

    @BeforeAll
    static void checkBundledPack() {
        checked = new PackCheck().check(RulePackSource.fromDirectory(Path.of("rules")));
    }

    @Test
    void theBundledPackCompilesAndItsScenarioFilesAreReadable() {
        assertNotNull(checked.ruleSet(), () -> checked.verdict().errors().toString());
        assertEquals(List.of(), checked.verdict().errors().stream().filter(p -> p.column() == null
                && p.file().startsWith("scenarios/")).toList());
        assertTrue(checked.scenarios().size() >= 1, "the bundled pack ships scenarios");
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        Map<String, List<ScenarioResult>> byFile = checked.scenarios().stream()
                .collect(Collectors.groupingBy(r -> r.file() + " - " + r.topic(), LinkedHashMap::new, Collectors.toList()));
        return byFile.entrySet().stream().map(file -> DynamicContainer.dynamicContainer(file.getKey(),
                file.getValue().stream().map(r -> DynamicTest.dynamicTest(String.valueOf(r.name()), () -> {
                    if (!r.passed()) {
                        fail(String.join("\n", r.failures()));
                    }
                }))));
    }

    @Test
    void everyTableRowAndLogicRuleIsExercisedByAScenario() {
        List<RulePackProblem> notExercised = checked.verdict().errors().stream()
                .filter(p -> p.message().contains("exercised by no scenario")).toList();
        assertEquals(List.of(), notExercised);
    }

    @Test
    void theBundledPackPassesThePackCheck() {
        assertTrue(checked.valid(), () -> checked.verdict().errors().stream().map(RulePackProblem::toString)
                .collect(Collectors.joining("\n")));
    }

    @AfterAll
    static void printCoverage() {
        if (checked == null || checked.ruleSet() == null) {
            return;
        }
        PackVerdict verdict = checked.verdict();
        var info = checked.ruleSet().info();
        long notExercised = verdict.errors().stream().filter(p -> p.message().contains("exercised by no scenario")).count();
        System.out.printf("%n=== Rule pack check ===%npack %s: %d table rows, %d rules, compiled in %d ms%n"
                        + "scenarios: %d (%d passed)%nrows and logic rules exercised by no scenario: %d%n",
                info.version(), info.counts().tableRows(), info.counts().rules(), info.compileMillis(),
                verdict.scenarios().run(), verdict.scenarios().passed(), notExercised);
    }
}
