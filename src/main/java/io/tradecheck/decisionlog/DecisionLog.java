package io.tradecheck.decisionlog;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.engine.DecisionRecorder;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Origin;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Records every decision {@link io.tradecheck.engine.ShipmentChecker} makes: gives it an id, and queues the request,
 * the answer, the rule set and the caller for the {@link GroupCommitWriter}. In durable mode it returns only once the
 * row is committed.
 */
public final class DecisionLog implements DecisionRecorder {
    private final DecisionLogMode mode;
    private final GroupCommitWriter writer;
    private final ObjectMapper json;
    private final Supplier<String> httpCaller;
    private final Clock clock;
    private final Duration maxWait;

    /**
     * @param httpCaller the authenticated caller of the current request ("system" outside a request)
     * @param maxWait    how long a check may wait for the queue and, in durable mode, for the commit
     */
    public DecisionLog(DecisionLogMode mode, GroupCommitWriter writer, ObjectMapper json, Supplier<String> httpCaller,
                       Clock clock, Duration maxWait) {
        this.mode = mode;
        this.writer = writer;
        this.json = json;
        this.httpCaller = httpCaller;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    public DecisionLogMode mode() {
        return mode;
    }

    public GroupCommitWriter writer() {
        return writer;
    }

    @Override
    public Decision record(CheckRequest request, Decision decision, RuleSet ruleSet, Origin origin) {
        if (mode == DecisionLogMode.OFF) {
            return decision;
        }
        Instant now = clock.instant();
        Decision answered = decision.withDecisionId(DecisionIds.next(now.toEpochMilli()));
        CompletableFuture<Void> committed = writer.submit(row(request, answered, ruleSet, now, origin), maxWait);
        if (mode == DecisionLogMode.DURABLE) {
            awaitCommit(committed);
        }
        return answered;
    }

    /**
     * Never blocks: the queue is offered the row without waiting (a full queue is answered at once as unavailable,
     * rather than holding an event-loop thread), and in durable mode the stage completes when the row is committed.
     */
    @Override
    public CompletionStage<Decision> recordLater(CheckRequest request, Decision decision, RuleSet ruleSet) {
        if (mode == DecisionLogMode.OFF) {
            return CompletableFuture.completedFuture(decision);
        }
        Instant now = clock.instant();
        Decision answered = decision.withDecisionId(DecisionIds.next(now.toEpochMilli()));
        CompletableFuture<Void> committed = writer.submit(row(request, answered, ruleSet, now, Origin.CURRENT_CALLER),
                Duration.ZERO);
        if (mode != DecisionLogMode.DURABLE) {
            return CompletableFuture.completedFuture(answered);
        }
        CompletableFuture<Decision> answer = new CompletableFuture<>();
        committed.orTimeout(maxWait.toMillis(), TimeUnit.MILLISECONDS).whenComplete((ok, failure) -> {
            if (failure == null) {
                answer.complete(answered);
                return;
            }
            Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
            answer.completeExceptionally(cause instanceof TimeoutException
                    ? new DecisionLogUnavailableException("the decision log did not confirm the write within " + maxWait, cause)
                    : new DecisionLogUnavailableException("the decision could not be written to the log", cause));
        });
        return answer;
    }

    private LoggedDecision row(CheckRequest request, Decision answered, RuleSet ruleSet, Instant now, Origin origin) {
        String caller = origin.caller() != null ? origin.caller() : httpCaller.get();
        return new LoggedDecision(answered.decisionId(), now, truncate(caller, 200),
                truncate(answered.reference(), 200), answered.decision().name(), ruleSet.info().version(),
                ruleSet.info().digest(), origin.batchJob(), origin.batchLine(), write(request), write(answered));
    }

    private void awaitCommit(CompletableFuture<Void> committed) {
        try {
            committed.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw new DecisionLogUnavailableException("the decision log did not confirm the write within " + maxWait, e);
        } catch (ExecutionException e) {
            throw new DecisionLogUnavailableException("the decision could not be written to the log", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionLogUnavailableException("interrupted while waiting for the decision log", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise " + value.getClass().getSimpleName(), e);
        }
    }

    private static String truncate(String s, int max) {
        return s == null || s.length() <= max ? s : s.substring(0, max);
    }
}
