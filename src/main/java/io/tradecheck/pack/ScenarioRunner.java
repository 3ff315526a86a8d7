package io.tradecheck.pack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradecheck.engine.RuleCoverage;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.Shipment;
import io.tradecheck.model.validation.RequestValidation;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Runs the scenario files of a rule pack (rules/scenarios/*.yaml) against a compiled rule set. Used by the JUnit
 * suite, and by the rule-editing workflow to test a draft before it goes live.
 */
public final class ScenarioRunner {
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .registerModule(new JavaTimeModule())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS);

    /** Reads every scenario file; a file that cannot be read is a problem with its line and reason. */
    public static List<LoadedFile> load(RulePackSource source, List<RulePackProblem> problems) {
        List<LoadedFile> files = new ArrayList<>();
        for (RuleFile file : source.files()) {
            if (!file.isScenario()) {
                continue;
            }
            try {
                ScenarioFile parsed = YAML.readValue(file.content(), ScenarioFile.class);
                if (parsed == null || parsed.scenarios() == null || parsed.scenarios().isEmpty()) {
                    problems.add(new RulePackProblem(file.path(), 0, null, "no scenarios"));
                    continue;
                }
                files.add(new LoadedFile(file.path(), parsed));
            } catch (IOException e) {
                int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException j && j.getLocation() != null
                        ? j.getLocation().getLineNr() : 0;
                String message = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
                problems.add(new RulePackProblem(file.path(), line, null, message));
            }
        }
        return files;
    }

    public record LoadedFile(String path, ScenarioFile content) {
    }

    public static ScenarioResult run(RuleSet ruleSet, String file, String topic, Scenario scenario) {
        return run(ruleSet, file, topic, scenario, null);
    }

    /** As {@link #run(RuleSet, String, String, Scenario)}, recording into {@code coverage} what the scenario exercised. */
    public static ScenarioResult run(RuleSet ruleSet, String file, String topic, Scenario scenario, RuleCoverage coverage) {
        List<String> failures = new ArrayList<>();
        if (scenario.name() == null || scenario.name().isBlank()) {
            failures.add("scenario has no name: write one sentence saying what happens and why");
        }
        if (scenario.shipment() == null || scenario.expect() == null) {
            failures.add("scenario needs a shipment and an expect block");
            return new ScenarioResult(file, topic, scenario.name(), null, failures);
        }
        RequestValidation.violations(RequestValidation.validator().validate(scenario.shipment())).forEach(v ->
                failures.add("shipment" + (v.field() == null ? "" : "." + v.field()) + ": " + v.reason()));
        if (scenario.shipment().entryDate() == null) {
            failures.add("shipment.entryDate is required in a scenario (a scenario must not depend on today's date)");
        }
        if (!failures.isEmpty()) {
            return new ScenarioResult(file, topic, scenario.name(), null, failures);
        }
        Shipment shipment = Shipment.of(scenario.shipment(), LocalDate.parse(scenario.shipment().entryDate()));
        Decision decision = coverage == null ? ruleSet.check(shipment) : ruleSet.check(shipment, coverage);
        compare(scenario.expect(), decision, failures);
        return new ScenarioResult(file, topic, scenario.name(), decision, failures);
    }

    static void compare(Expectation expect, Decision decision, List<String> failures) {
        if (expect.decision() != null && expect.decision() != decision.decision()) {
            failures.add("decision: expected " + expect.decision() + " but was " + decision.decision());
        }
        if (!sameNumber(expect.additionalDutyRate(), decision.additionalDutyRate())) {
            failures.add("additionalDutyRate: expected " + expect.additionalDutyRate() + " but was " + decision.additionalDutyRate());
        }
        if (!sameNumber(expect.additionalDuty(), decision.additionalDuty())) {
            failures.add("additionalDuty: expected " + expect.additionalDuty() + " but was " + decision.additionalDuty());
        }
        if (expect.findings() != null) {
            for (Expectation.ExpectedFinding wanted : expect.findings()) {
                if (decision.findings().stream().noneMatch(f -> matches(wanted, f))) {
                    failures.add("missing finding " + describe(wanted));
                }
            }
        }
        if (expect.absent() != null) {
            for (String ruleId : expect.absent()) {
                if (decision.findings().stream().anyMatch(f -> f.ruleId().equals(ruleId))) {
                    failures.add("finding " + ruleId + " should be absent");
                }
            }
        }
        if (!failures.isEmpty()) {
            failures.add("got: " + decision.decision() + " " + decision.additionalDutyRate() + "% with "
                    + decision.findings().stream().map(f -> f.ruleId() + " " + f.kind()
                    + (f.rate() != null ? " " + f.rate().toPlainString() + "%" : "")).toList());
        }
    }

    private static boolean matches(Expectation.ExpectedFinding want, Finding got) {
        return (want.ruleId() == null || want.ruleId().equals(got.ruleId()))
                && (want.kind() == null || want.kind() == got.kind())
                && (want.rate() == null || sameNumber(want.rate(), got.rate()))
                && (want.chapter99() == null || want.chapter99().equals(got.chapter99()))
                && (want.effectiveFrom() == null || want.effectiveFrom().equals(got.effectiveFrom()))
                && (want.effectiveTo() == null || want.effectiveTo().equals(got.effectiveTo()))
                && (want.resumesOn() == null || want.resumesOn().equals(got.resumesOn()))
                && (want.legalBasisContains() == null
                    || (got.legalBasis() != null && got.legalBasis().contains(want.legalBasisContains())));
    }

    private static boolean sameNumber(BigDecimal expected, BigDecimal actual) {
        return expected == null || (actual != null && expected.compareTo(actual) == 0);
    }

    private static String describe(Expectation.ExpectedFinding f) {
        List<String> parts = new ArrayList<>();
        if (f.ruleId() != null) parts.add(f.ruleId());
        if (f.kind() != null) parts.add(f.kind().name());
        if (f.rate() != null) parts.add(f.rate().toPlainString() + "%");
        if (f.chapter99() != null) parts.add(f.chapter99());
        if (f.effectiveFrom() != null) parts.add("from " + f.effectiveFrom());
        if (f.effectiveTo() != null) parts.add("to " + f.effectiveTo());
        if (f.resumesOn() != null) parts.add("resumes " + f.resumesOn());
        return String.join(" ", parts.stream().filter(Objects::nonNull).toList());
    }
}
