package io.tradecheck.engine;

import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;

/**
 * Keeps a decision as evidence. {@link ShipmentChecker} calls it for every check it makes, so the API, batch lines
 * and the command line are all recorded the same way. Returns the decision as it is to be answered (with its id).
 * An implementation may block until the decision is stored ("durable"), or queue it ("async").
 */
@FunctionalInterface
public interface DecisionRecorder {
    DecisionRecorder NONE = (request, decision, ruleSet) -> decision;

    Decision record(CheckRequest request, Decision decision, RuleSet ruleSet);
}
