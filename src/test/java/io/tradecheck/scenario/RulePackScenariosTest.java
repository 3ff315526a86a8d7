package io.tradecheck.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradecheck.engine.RuleCoverage;
import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackProblem;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.engine.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario under rules/scenarios/ as an ordinary test, named by its sentence, so a specialist's scenario
 * failing shows in the build like any other test. The scenarios run once, up front, with a coverage listener; the
 * report of table rows and logic rules that no scenario exercised is printed after the tests.
 */
class RulePackScenariosTest {
    static RulePackSource source;
    static RuleSet ruleSet;
    static List<ScenarioRunner.LoadedFile> files;
    static List<RulePackProblem> loadProblems = new ArrayList<>();
    static final RuleCoverage coverage = new RuleCoverage();
    static final Map<Scenario, ScenarioResult> results = new IdentityHashMap<>();

    @BeforeAll
    static void compileBundledPackAndRunScenarios() {
        source = RulePackSource.fromDirectory(Path.of("rules"));
        ruleSet = new RulePackCompiler().compile(source);
        files = ScenarioRunner.load(source, loadProblems);
        for (ScenarioRunner.LoadedFile file : files) {
            for (Scenario s : file.content().scenarios()) {
                results.put(s, ScenarioRunner.run(ruleSet, file.path(), file.content().topic(), s, coverage));
            }
        }
    }

    @Test
    void everyScenarioFileIsReadable() {
        assertEquals(List.of(), loadProblems);
        assertTrue(files.size() >= 1, "the bundled pack ships scenario files");
    }

    @TestFactory
    Stream<DynamicNode> scenarios() {
        return files.stream().map(file -> DynamicContainer.dynamicContainer(
                file.path() + " - " + file.content().topic(),
                file.content().scenarios().stream().map(s -> DynamicTest.dynamicTest(String.valueOf(s.name()), () -> {
                    ScenarioResult result = results.get(s);
                    if (!result.passed()) {
                        fail(String.join("\n", result.failures()));
                    }
                }))));
    }

    @Test
    void everyTableRowListAndLogicRuleIsExercisedByAScenario() {
        Set<String> rows = coverage.rowsNotExercised(ruleSet);
        Set<String> rules = coverage.logicRulesNotExercised(ruleSet);
        Set<String> lists = coverage.listsNotExercised(ruleSet);
        assertTrue(rows.isEmpty() && rules.isEmpty() && lists.isEmpty(), "not exercised by any scenario: rows " + rows
                + ", logic rules " + rules + ", product lists " + lists);
    }

    @AfterAll
    static void printCoverage() {
        if (ruleSet == null) {
            return;
        }
        Set<String> rows = coverage.rowsNotExercised(ruleSet);
        Set<String> rules = coverage.logicRulesNotExercised(ruleSet);
        Set<String> lists = coverage.listsNotExercised(ruleSet);
        int listCount = ruleSet.rows().lists().size();
        int rowCount = ruleSet.rows().size();
        int ruleCount = ruleSet.logicRules().size();
        long passed = results.values().stream().filter(ScenarioResult::passed).count();
        StringBuilder report = new StringBuilder("\n=== Rule pack scenario coverage ===\n")
                .append(String.format("pack %s: %d table rows, %d rules, compiled in %d ms%n", ruleSet.info().version(),
                        rowCount, ruleSet.info().counts().rules(), ruleSet.info().compileMillis()))
                .append(String.format("scenarios: %d (%d passed) in %d files%n", results.size(), passed, files.size()))
                .append(String.format("table rows exercised: %d of %d%n", rowCount - rows.size(), rowCount))
                .append(String.format("logic rules exercised: %d of %d%n", ruleCount - rules.size(), ruleCount))
                .append(String.format("product lists exercised: %d of %d%n", listCount - lists.size(), listCount));
        rows.forEach(r -> report.append("  row not exercised: ").append(r).append('\n'));
        rules.forEach(r -> report.append("  logic rule not exercised: ").append(r).append('\n'));
        lists.forEach(r -> report.append("  product list not exercised: ").append(r).append('\n'));
        if (rows.isEmpty() && rules.isEmpty() && lists.isEmpty()) {
            report.append("every table row, product list and logic rule is exercised by at least one scenario\n");
        }
        System.out.println(report);
    }
}
