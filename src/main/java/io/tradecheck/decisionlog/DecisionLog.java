package io.tradecheck.decisionlog;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.engine.DecisionRecorder;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Origin;
import io.tradecheck.model.Finding;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;
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
    private final ObjectMapper compact;
    private final ObjectMapper compactWithoutReference;

    /** The request's reference has a column of its own: not stored twice. */
    @JsonIgnoreProperties({"reference"})
    private interface WithoutReference {
    }
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
        // The request as logged: only the fields that were given (a null is the same as absent on replay).
        this.compact = json.copy().setSerializationInclusion(JsonInclude.Include.NON_NULL);
        this.compactWithoutReference = compact.copy().addMixIn(CheckRequest.class, WithoutReference.class);
        this.httpCaller = httpCaller;
        this.clock = clock;
        this.maxWait = maxWait;
    }

    /** Told of every decision made (logged or not): for metrics. Must be quick; called on the checking thread. */
    public interface Meter {
        Meter NONE = (outcome, batchLine) -> { };

        void decided(String outcome, boolean batchLine);
    }

    private volatile Meter meter = Meter.NONE;

    public void meter(Meter meter) {
        this.meter = meter;
    }

    private void count(Decision decision, Origin origin) {
        meter.decided(decision.decision().name(), origin.batchLine() != null);
    }

    public DecisionLogMode mode() {
        return mode;
    }

    public GroupCommitWriter writer() {
        return writer;
    }

    @Override
    public Decision record(CheckRequest request, Decision decision, RuleSet ruleSet, Origin origin) {
        count(decision, origin);
        if (mode == DecisionLogMode.OFF) {
            return decision;
        }
        UUID id = DecisionIds.nextUuid(clock.millis());
        Decision answered = decision.withDecisionId(id.toString());
        CompletableFuture<Void> committed = writer.submit(row(request, answered, ruleSet, id, origin), maxWait);
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
        count(decision, Origin.CURRENT_CALLER);
        if (mode == DecisionLogMode.OFF) {
            return CompletableFuture.completedFuture(decision);
        }
        UUID id = DecisionIds.nextUuid(clock.millis());
        Decision answered = decision.withDecisionId(id.toString());
        CompletableFuture<Void> committed = writer.submit(row(request, answered, ruleSet, id, Origin.CURRENT_CALLER),
                Duration.ZERO);
        return mode == DecisionLogMode.DURABLE ? whenCommitted(committed, answered) : CompletableFuture.completedFuture(answered);
    }

    /** Waits for room in the queue as {@link #record} does, but not for the commit (a batch waits once per chunk). */
    @Override
    public CompletionStage<Decision> recordPending(CheckRequest request, Decision decision, RuleSet ruleSet, Origin origin) {
        count(decision, origin);
        if (mode == DecisionLogMode.OFF) {
            return CompletableFuture.completedFuture(decision);
        }
        UUID id = DecisionIds.nextUuid(clock.millis());
        Decision answered = decision.withDecisionId(id.toString());
        CompletableFuture<Void> committed = writer.submit(row(request, answered, ruleSet, id, origin), maxWait);
        return mode == DecisionLogMode.DURABLE ? whenCommitted(committed, answered) : CompletableFuture.completedFuture(answered);
    }

    /** The answer once its row is committed, or the log's unavailability (within {@code maxWait}). */
    private CompletionStage<Decision> whenCommitted(CompletableFuture<Void> committed, Decision answered) {
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

    private DecisionRecord row(CheckRequest request, Decision answered, RuleSet ruleSet, UUID id, Origin origin) {
        String caller = origin.caller() != null ? origin.caller() : httpCaller.get();
        String answer = write(json, answered.withDecisionId(null));
        return new DecisionRecord(id, truncate(caller, 200), truncate(answered.reference(), 200),
                answered.decision().name(), ruleSet.info().version(), ruleSet.info().digest(),
                origin.batchJob(), origin.batchLine(),
                answered.evaluationDate(), answered.additionalDutyRate(), answered.additionalDuty(), ruleIds(answered),
                AnswerDigest.of(answer), requestJson(request), answer);
    }

    /** Without the reference when its column holds it exactly (DecisionArchive puts it back), else in full. */
    private String requestJson(CheckRequest request) {
        String ref = request.reference();
        boolean inColumn = ref == null || ref.length() <= 200 && ref.equals(DecisionStore.storable(ref));
        return write(inColumn ? compactWithoutReference : compact, request);
    }

    static String ruleIds(Decision d) {
        if (d.findings() == null || d.findings().isEmpty()) {
            return null;
        }
        StringBuilder s = new StringBuilder();
        for (Finding f : d.findings()) {
            if (s.length() > 0) {
                s.append(' ');
            }
            s.append(f.ruleId());
        }
        return s.length() <= 4000 ? s.toString() : s.substring(0, 4000);
    }

    private void awaitCommit(CompletableFuture<Void> committed) {
        try {
            committed.get(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            committed.cancel(false); // the writer then skips the row, or withdraws it if it was being committed
            throw new DecisionLogUnavailableException("the decision log did not confirm the write within " + maxWait, e);
        } catch (ExecutionException e) {
            throw new DecisionLogUnavailableException("the decision could not be written to the log", e.getCause());
        } catch (InterruptedException e) {
            committed.cancel(false);
            Thread.currentThread().interrupt();
            throw new DecisionLogUnavailableException("interrupted while waiting for the decision log", e);
        }
    }

    private static String write(ObjectMapper json, Object value) {
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
