package io.tradecheck.cli;

import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackException;
import io.tradecheck.engine.RulePackProblem;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.scenario.Scenario;
import io.tradecheck.scenario.ScenarioResult;
import io.tradecheck.scenario.ScenarioRunner;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code tradecheck test}: runs the rule pack's scenarios, as its authors wrote them. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every scenario under scenarios/ in the rules folder against the compiled pack.",
                "Prints PASS or FAIL per scenario with the reasons, then 'N passed, M failed'. "
                        + "Exit code 4 when a scenario fails, 3 when the pack does not compile."})
class TestCommand implements Callable<Integer> {
    @Option(names = "--rules", paramLabel = "DIR", defaultValue = "rules",
            description = "Rules folder (default: ${DEFAULT-VALUE})")
    Path rulesDir;

    @Option(names = {"-q", "--quiet"}, description = "Print failures and the count only")
    boolean quiet;

    @Override
    public Integer call() {
        RulePackSource source;
        RuleSet ruleSet;
        try {
            source = RulePackSource.fromDirectory(rulesDir);
            ruleSet = new RulePackCompiler().compile(source);
        } catch (RulePackException e) {
            System.err.println("tradecheck: the rules folder " + rulesDir + " does not compile:");
            e.problems().forEach(p -> System.err.println("  " + ValidateCommand.line("error", p)));
            return ExitCodes.RULES_INVALID;
        }
        List<RulePackProblem> unreadable = new ArrayList<>();
        List<ScenarioRunner.LoadedFile> files = ScenarioRunner.load(source, unreadable);
        unreadable.forEach(p -> System.out.println(ValidateCommand.line("error", p)));
        int passed = 0;
        int failed = unreadable.size();
        for (ScenarioRunner.LoadedFile file : files) {
            for (Scenario scenario : file.content().scenarios()) {
                ScenarioResult result = ScenarioRunner.run(ruleSet, file.path(), file.content().topic(), scenario);
                if (result.passed()) {
                    passed++;
                    if (!quiet) {
                        System.out.println("PASS " + file.path() + ": " + scenario.name());
                    }
                } else {
                    failed++;
                    System.out.println("FAIL " + file.path() + ": " + scenario.name());
                    result.failures().forEach(f -> System.out.println("       " + f));
                }
            }
        }
        System.out.println(passed + " passed, " + failed + " failed");
        return failed == 0 ? ExitCodes.OK : ExitCodes.SCENARIOS_FAILED;
    }
}
