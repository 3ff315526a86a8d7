package io.tradecheck.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackProblem;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.engine.RuleSet;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every scenario under rules/scenarios/ as an ordinary test, named by its sentence, so a specialist's scenario
 * failing shows in the build like any other test.
 */
class RulePackScenariosTest {
    static RulePackSource source;
    static RuleSet ruleSet;
    static List<ScenarioRunner.LoadedFile> files;
    static List<RulePackProblem> loadProblems = new ArrayList<>();

    @BeforeAll
    static void compileBundledPack() {
        source = RulePackSource.fromDirectory(Path.of("rules"));
        ruleSet = new RulePackCompiler().compile(source);
        files = ScenarioRunner.load(source, loadProblems);
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
                    ScenarioResult result = ScenarioRunner.run(ruleSet, file.path(), file.content().topic(), s);
                    if (!result.passed()) {
                        fail(String.join("\n", result.failures()));
                    }
                }))));
    }
}
