package io.tradecheck.editing;

import io.tradecheck.engine.GapAcknowledgements;
import io.tradecheck.engine.RuleFile;
import io.tradecheck.engine.RulePackCompiler;
import io.tradecheck.engine.RulePackException;
import io.tradecheck.engine.RulePackProblem;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.TableWindowCheck;
import io.tradecheck.scenario.Scenario;
import io.tradecheck.scenario.ScenarioResult;
import io.tradecheck.scenario.ScenarioRunner;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Validates a pack the way it must pass before it goes live, whichever way it comes (a draft, an edit in the rules
 * folder, the folder at start-up): compile (table cells, overlapping windows, DRL), then every scenario on the
 * compiled rule set, then the gap warnings. The compiled rule set comes back with the report, so activating a valid
 * pack does not compile it twice.
 */
public final class PackValidator {
    private final RulePackCompiler compiler;

    public PackValidator(RulePackCompiler compiler) {
        this.compiler = compiler;
    }

    /** The report, and the rule set when the pack compiled (it may still have failed scenarios). */
    public record Outcome(ValidationReport report, RuleSet ruleSet) {
        public boolean valid() {
            return report.valid();
        }
    }

    public Outcome validate(RulePackSource source) {
        return validate(source, true);
    }

    /** @param scenarios false to stop after compiling and the table checks (the command line's {@code validate}) */
    public Outcome validate(RulePackSource source, boolean scenarios) {
        RuleSet ruleSet;
        try {
            ruleSet = compiler.compile(source);
        } catch (RulePackException e) {
            return new Outcome(new ValidationReport(false, null, source.digest(), null, e.problems(), List.of(),
                    new ValidationReport.Scenarios(0, 0, 0)), null);
        }
        List<RulePackProblem> errors = new ArrayList<>();
        List<ScenarioRunner.LoadedFile> files = scenarios ? ScenarioRunner.load(source, errors) : List.of();
        int run = 0;
        int failed = 0;
        for (ScenarioRunner.LoadedFile file : files) {
            String text = new String(find(source, file.path()).content(), StandardCharsets.UTF_8);
            for (Scenario scenario : file.content().scenarios()) {
                run++;
                ScenarioResult result = ScenarioRunner.run(ruleSet, file.path(), file.content().topic(), scenario);
                if (!result.passed()) {
                    failed++;
                    errors.add(new RulePackProblem(file.path(), lineOf(text, scenario.name()), "expect",
                            "scenario '" + scenario.name() + "' failed: " + String.join("; ", result.failures())));
                }
            }
        }
        List<RulePackProblem> warnings = TableWindowCheck.check(ruleSet.rows().all(), GapAcknowledgements.read(source))
                .gaps();
        var info = ruleSet.info();
        ValidationReport report = new ValidationReport(errors.isEmpty(), info.version(), info.digest(),
                info.compileMillis(), errors, warnings, new ValidationReport.Scenarios(run, run - failed, failed));
        return new Outcome(report, ruleSet);
    }

    private static RuleFile find(RulePackSource source, String path) {
        return source.files().stream().filter(f -> f.path().equals(path)).findFirst().orElseThrow();
    }

    /** The line where a scenario's name is written, so a failure points at the scenario; 0 if not found. */
    static int lineOf(String yaml, String name) {
        if (name == null || name.isBlank()) {
            return 0;
        }
        List<String> lines = yaml.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(name)) {
                return i + 1;
            }
        }
        return 0;
    }
}
