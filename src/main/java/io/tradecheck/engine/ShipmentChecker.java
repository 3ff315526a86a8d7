package io.tradecheck.engine;

import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Origin;
import io.tradecheck.model.Shipment;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.concurrent.CompletionStage;

/**
 * The one evaluation path that the API, the batch files and the command line all call: a validated request in, a
 * decision out, on the rule set in force when the check starts. Every check goes through the {@link DecisionRecorder}
 * (the decision log), so whichever caller made it, it is kept as evidence.
 */
public final class ShipmentChecker {
    private final ActiveRuleSet rules;
    private final ZoneId customsZone;
    private final DecisionRecorder recorder;

    /** @param customsZone the zone whose calendar date stands in for a missing entry date (US entries: New York) */
    public ShipmentChecker(ActiveRuleSet rules, ZoneId customsZone) {
        this(rules, customsZone, DecisionRecorder.NONE);
    }

    public ShipmentChecker(ActiveRuleSet rules, ZoneId customsZone, DecisionRecorder recorder) {
        this.rules = rules;
        this.customsZone = customsZone;
        this.recorder = recorder;
    }

    public Decision check(CheckRequest request) {
        return check(request, rules.current(), Origin.CURRENT_CALLER);
    }

    /**
     * As {@link #check(CheckRequest)}, for a caller that must not block (the pre-check API runs on the event loop):
     * the rules run on the calling thread, the stage completes once the decision log lets the answer go.
     */
    public CompletionStage<Decision> checkLater(CheckRequest request) {
        RuleSet ruleSet = rules.current();
        return recorder.recordLater(request, evaluate(request, ruleSet, today(ruleSet)), ruleSet);
    }

    /**
     * Checks on a given rule set. A batch takes {@link ActiveRuleSet#current()} once and passes it here for every line,
     * so a whole order file is decided on one rule-set version even if the rules are swapped mid-file.
     *
     * @param origin who the check is for, and the batch job and line, as the decision log records them
     */
    public Decision check(CheckRequest request, RuleSet ruleSet, Origin origin) {
        return recorder.record(request, evaluate(request, ruleSet, today(ruleSet)), ruleSet, origin);
    }

    /**
     * As {@link #check(CheckRequest, RuleSet, Origin)}, without waiting for the decision log's commit: the stage
     * completes when the decision may be answered. A batch checks a chunk of lines so and waits once for all of them.
     */
    public CompletionStage<Decision> checkPending(CheckRequest request, RuleSet ruleSet, Origin origin) {
        return recorder.recordPending(request, evaluate(request, ruleSet, today(ruleSet)), ruleSet, origin);
    }

    /**
     * Evaluates without recording: a replay of a logged decision, on the date it was made ({@code asOf} stands in for
     * a missing entry date, as "today" did then).
     */
    public Decision evaluate(CheckRequest request, RuleSet ruleSet, LocalDate asOf) {
        return ruleSet.check(Shipment.of(request, asOf));
    }

    public ActiveRuleSet rules() {
        return rules;
    }

    private LocalDate today(RuleSet ruleSet) {
        return LocalDate.now(ruleSet.clock().withZone(customsZone));
    }
}
