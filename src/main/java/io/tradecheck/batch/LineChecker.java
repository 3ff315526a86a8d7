package io.tradecheck.batch;

import io.tradecheck.decisionlog.DecisionLogUnavailableException;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Origin;
import io.tradecheck.model.validation.RequestValidation;
import jakarta.validation.Validator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Checks one order line exactly as the pre-check API checks a request: the same Bean Validation constraints on
 * {@link CheckRequest}, then {@link ShipmentChecker#check}, on one rule set pinned for the whole file. Thread-safe.
 */
public final class LineChecker implements Function<OrderLine, LineResult> {
    private static final Logger LOG = Logger.getLogger(LineChecker.class);

    private final ShipmentChecker checker;
    private final Validator validator;
    private final RuleSet ruleSet;
    private final BatchOrigin origin;

    /** @param origin names the caller and job in the decision log; null for none (the command line) */
    public LineChecker(ShipmentChecker checker, Validator validator, RuleSet ruleSet, BatchOrigin origin) {
        this.checker = checker;
        this.validator = validator;
        this.ruleSet = ruleSet;
        this.origin = origin;
    }

    @Override
    public LineResult apply(OrderLine line) {
        List<LineError> invalid = errorsOf(line, validator);
        if (!invalid.isEmpty()) {
            return LineResult.error(line.number(), line.reference(), invalid);
        }
        CheckRequest request = line.request();
        try {
            Decision decision = checker.check(request, ruleSet, originOf(line));
            return LineResult.of(line.number(), decision);
        } catch (DecisionLogUnavailableException e) {
            // Not a fault of the line: the line is not done (a job stops and checks it again), never an ERROR line.
            throw e;
        } catch (RuntimeException e) {
            return internalError(line, e);
        }
    }

    /**
     * Checks a chunk of lines as {@link #apply} checks one, recording every decision before waiting for any: the
     * decision log commits the chunk in a few large groups, and the results are returned only once every decision of
     * the chunk is committed (durable mode), so a line written to the answer is always in the log.
     */
    public List<LineResult> applyAll(List<OrderLine> lines) {
        LineResult[] results = new LineResult[lines.size()];
        CompletableFuture<?>[] pending = new CompletableFuture<?>[lines.size()];
        for (int i = 0; i < results.length; i++) {
            OrderLine line = lines.get(i);
            List<LineError> invalid = errorsOf(line, validator);
            if (!invalid.isEmpty()) {
                results[i] = LineResult.error(line.number(), line.reference(), invalid);
                continue;
            }
            try {
                pending[i] = checker.checkPending(line.request(), ruleSet, originOf(line)).toCompletableFuture();
            } catch (DecisionLogUnavailableException e) {
                throw e;
            } catch (RuntimeException e) {
                results[i] = internalError(line, e);
            }
        }
        for (int i = 0; i < results.length; i++) {
            if (pending[i] != null) {
                results[i] = LineResult.of(lines.get(i).number(), (Decision) join(pending[i]));
            }
        }
        return List.of(results);
    }

    private static Object join(CompletableFuture<?> pending) {
        try {
            return pending.join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : e;
        }
    }

    private Origin originOf(OrderLine line) {
        return origin == null ? Origin.CURRENT_CALLER : Origin.batchLine(origin.caller(), origin.job(), line.number());
    }

    private static LineResult internalError(OrderLine line, RuntimeException e) {
        // A rule that throws on one shipment must not take the file down with it.
        LOG.errorf(e, "Line %d could not be checked", line.number());
        return LineResult.error(line.number(), line.reference(),
                List.of(new LineError(LineError.WHOLE_LINE, "could not be checked (internal error, logged): " + e)));
    }

    /**
     * Why a line cannot be checked, worded as the API words a request: the cells that could not be read, or else every
     * failed constraint. Empty when the line can be checked.
     */
    public static List<LineError> errorsOf(OrderLine line, Validator validator) {
        if (!line.readable()) {
            return line.errors();
        }
        return RequestValidation.violations(validator.validate(line.request())).stream()
                .map(v -> new LineError(v.field() == null ? LineError.WHOLE_LINE : v.field(), v.reason())).toList();
    }
}
