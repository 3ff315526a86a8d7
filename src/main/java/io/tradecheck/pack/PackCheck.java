package io.tradecheck.pack;

import io.tradecheck.engine.MeasureRow;
import io.tradecheck.engine.RuleCoverage;
import io.tradecheck.engine.RuleSet;
import java.util.ArrayList;
import java.util.List;

/**
 * The one check a rule pack passes before it counts as good, whichever door it comes through: the build's rule-pack
 * test, a draft's validation and activation over the API, an edit of the rules folder, the folder at start-up,
 * {@code tradecheck validate} and {@code tradecheck test}. In order: compile (table cells, overlapping date windows,
 * DRL), every scenario on the compiled rule set, then coverage (a table row or logic rule that no scenario exercises)
 * and the gaps between date windows. The compiled rule set comes back with the verdict, so activating a valid pack does
 * not compile it twice.
 */
public final class PackCheck {

    /** Whether a row or logic rule that no scenario exercises blocks the pack ({@code GATE}) or only warns. */
    public enum Coverage { GATE, WARN }

    /**
     * The verdict, the compiled rule set (null when the pack did not compile) and each scenario's result (none when
     * the pack passed with this build before, see {@link PassedPacks}: the verdict then carries the earlier counts).
     */
    public record Checked(PackVerdict verdict, RuleSet ruleSet, List<ScenarioResult> scenarios) {
        public boolean valid() {
            return verdict.valid();
        }
    }

    private final RulePackCompiler compiler;
    private final Coverage coverage;
    private final PassedPacks passed;

    public PackCheck(RulePackCompiler compiler, Coverage coverage) {
        this(compiler, coverage, PassedPacks.none());
    }

    /** @param passed packs that passed with this build: compiled, but their scenarios not run again */
    public PackCheck(RulePackCompiler compiler, Coverage coverage, PassedPacks passed) {
        this.compiler = compiler;
        this.coverage = coverage;
        this.passed = passed;
    }

    /** The check as the build runs it: coverage gates. */
    public PackCheck() {
        this(new RulePackCompiler(), Coverage.GATE);
    }

    /** Compiles only, for a pack that is tried rather than put in force (a draft's impact on an order file). */
    public RuleSet compile(RulePackSource source) {
        return compiler.compile(source);
    }

    /** The verdict on a pack that did not compile, or whose folder could not even be read (digest null). */
    public static Checked notCompiled(String digest, List<RulePackProblem> problems) {
        return new Checked(new PackVerdict(false, null, digest, null, List.copyOf(problems), List.of(),
                new PackVerdict.Scenarios(0, 0, 0)), null, List.of());
    }

    public Checked check(RulePackSource source) {
        RuleSet ruleSet;
        try {
            ruleSet = compiler.compile(source);
        } catch (RulePackException e) {
            return notCompiled(source.digest(), e.problems());
        }
        var known = passed.passed(source.digest(), coverage);
        if (known.isPresent()) {
            PackVerdict v = known.get();
            return new Checked(new PackVerdict(true, ruleSet.info().version(), v.digest(), ruleSet.info().compileMillis(),
                    v.errors(), v.warnings(), v.scenarios()), ruleSet, List.of());
        }
        List<RulePackProblem> errors = new ArrayList<>();
        List<RulePackProblem> warnings = new ArrayList<>(
                TableWindowCheck.check(ruleSet.rows().all(), GapAcknowledgements.read(source)).gaps());
        RuleCoverage exercised = new RuleCoverage();
        List<ScenarioResult> results = new ArrayList<>();
        for (ScenarioRunner.LoadedFile file : ScenarioRunner.load(source, errors)) {
            for (Scenario scenario : file.content().scenarios()) {
                ScenarioResult result = ScenarioRunner.run(ruleSet, file.path(), file.content().topic(), scenario,
                        exercised);
                results.add(result);
                if (!result.passed()) {
                    errors.add(new RulePackProblem(file.path(), source.lineOf(file.path(), scenario.name()), "expect",
                            "scenario '" + scenario.name() + "' failed: " + String.join("; ", result.failures())));
                }
            }
        }
        (coverage == Coverage.GATE ? errors : warnings).addAll(notExercised(exercised, ruleSet, source));
        int failed = (int) results.stream().filter(r -> !r.passed()).count();
        var info = ruleSet.info();
        PackVerdict verdict = new PackVerdict(errors.isEmpty(), info.version(), info.digest(), info.compileMillis(),
                List.copyOf(errors), List.copyOf(warnings),
                new PackVerdict.Scenarios(results.size(), results.size() - failed, failed));
        passed.remember(verdict, coverage);
        return new Checked(verdict, ruleSet, List.copyOf(results));
    }

    /**
     * Each table row no scenario matched, each logic rule no scenario fired and each product list no scenario matched a
     * row through (or that no row names), at its file and line.
     */
    private static List<RulePackProblem> notExercised(RuleCoverage coverage, RuleSet ruleSet, RulePackSource source) {
        List<RulePackProblem> missing = new ArrayList<>();
        for (MeasureRow row : ruleSet.rows().all()) {
            if (!coverage.exercised(row)) {
                missing.add(new RulePackProblem(row.file(), row.line(), null,
                        "row " + row.measureId() + " is exercised by no scenario: add one that matches it"));
            }
        }
        for (String rule : ruleSet.logicRules()) {
            if (!coverage.fired(rule)) {
                int colon = rule.indexOf(": ");
                String file = rule.substring(0, colon);
                String name = rule.substring(colon + 2);
                missing.add(new RulePackProblem(file, source.lineOf(file, "rule \"" + name + "\""), null,
                        "logic rule '" + name + "' is exercised by no scenario: add one where it fires"));
            }
        }
        java.util.Set<String> named = new java.util.HashSet<>();
        for (MeasureRow row : ruleSet.rows().all()) {
            if (row.hsList() != null) {
                named.add(row.hsList());
            }
        }
        for (io.tradecheck.engine.ProductList list : ruleSet.rows().lists().values()) {
            if (!named.contains(list.id())) {
                missing.add(new RulePackProblem(list.file(), 1, null,
                        "product list " + list.id() + " is named by no table row (hsList) and so exercised by no scenario"));
            } else if (!coverage.listExercised(list.id())) {
                missing.add(new RulePackProblem(list.file(), 1, null,
                        "product list " + list.id() + " is exercised by no scenario: add one that matches a row through it"));
            }
        }
        return missing;
    }
}
