package io.tradecheck.cli;

import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.ScenarioResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code tradecheck test}: runs the rule pack's scenarios, as its authors wrote them, within the one pack check. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Run every scenario under scenarios/ in the rules folder against the compiled pack, within the "
                + "same check as validate and the service (so rows no scenario exercises fail it too).",
                "Prints PASS or FAIL per scenario with the reasons, the other problems, then 'N passed, M failed'. "
                        + "Exit code 4 when a scenario fails or coverage is missing, 3 when the pack does not compile."})
class TestCommand implements Callable<Integer> {
    @Mixin
    RulePackOptions pack;

    @Option(names = "--coverage", paramLabel = "GATE|WARN", defaultValue = "GATE",
            description = "A row or logic rule no scenario exercises is an error (GATE, as in the service) or a warning")
    PackCheck.Coverage coverage;

    @Option(names = {"-q", "--quiet"}, description = "Print failures and the count only")
    boolean quiet;

    @Override
    public Integer call() {
        PackCheck.Checked checked = pack.check(coverage);
        if (checked.ruleSet() == null) {
            System.err.println("tradecheck: the rules folder " + pack.rulesDir + " does not compile:");
            checked.verdict().errors().forEach(p -> System.err.println("  " + ValidateCommand.line("error", p)));
            return ExitCodes.RULES_INVALID;
        }
        for (ScenarioResult result : checked.scenarios()) {
            if (!result.passed()) {
                System.out.println("FAIL " + result.file() + ": " + result.name());
                result.failures().forEach(f -> System.out.println("       " + f));
            } else if (!quiet) {
                System.out.println("PASS " + result.file() + ": " + result.name());
            }
        }
        checked.verdict().errors().stream().filter(p -> !"expect".equals(p.column()))
                .forEach(p -> System.out.println(ValidateCommand.line("error", p)));
        var scenarios = checked.verdict().scenarios();
        System.out.println(scenarios.passed() + " passed, " + scenarios.failed() + " failed");
        return checked.valid() ? ExitCodes.OK : ExitCodes.SCENARIOS_FAILED;
    }
}
