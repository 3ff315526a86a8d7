package io.tradecheck.engine;

import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Origin;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Keeps a decision as evidence. {@link ShipmentChecker} calls it for every check it makes, so the API, batch lines
 * and the command line are all recorded the same way. Returns the decision as it is to be answered (with its id).
 * An implementation may block until the decision is stored ("durable"), or queue it ("async").
 */
@FunctionalInterface
public interface DecisionRecorder {
    DecisionRecorder NONE = (request, decision, ruleSet, origin) -> decision;

    /** @param origin who the check is for, and the batch job and line if any */
    Decision record(CheckRequest request, Decision decision, RuleSet ruleSet, Origin origin);

    /**
     * As {@link #record} for the caller of the current request, without blocking the calling thread: the stage completes when the decision may be answered
     * (in durable mode, once it is committed). For callers on an event loop, such as the pre-check API.
     */
    default CompletionStage<Decision> recordLater(CheckRequest request, Decision decision, RuleSet ruleSet) {
        return CompletableFuture.completedFuture(record(request, decision, ruleSet, Origin.CURRENT_CALLER));
    }

    /**
     * As {@link #record}, without waiting for the commit: the stage completes when the decision may be answered (in
     * durable mode, once it is committed). It may block while the log's queue is full, so never on an event loop. A
     * batch records a chunk of lines this way and waits once for the whole chunk, which the log then commits in a few
     * large groups instead of one small group per line.
     */
    default CompletionStage<Decision> recordPending(CheckRequest request, Decision decision, RuleSet ruleSet, Origin origin) {
        return CompletableFuture.completedFuture(record(request, decision, ruleSet, origin));
    }
}
