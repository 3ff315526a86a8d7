package io.tradecheck.batch;

import io.tradecheck.decisionlog.DecisionContext;
import io.tradecheck.decisionlog.DecisionLogUnavailableException;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.RuleSetRef;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
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

    public LineChecker(ShipmentChecker checker, Validator validator, RuleSet ruleSet) {
        this(checker, validator, ruleSet, null);
    }

    /** @param origin names the caller and job in the decision log; null for none (the command line) */
    public LineChecker(ShipmentChecker checker, Validator validator, RuleSet ruleSet, BatchOrigin origin) {
        this.checker = checker;
        this.validator = validator;
        this.ruleSet = ruleSet;
        this.origin = origin;
    }

    public RuleSetRef ruleSet() {
        return ruleSet.ref();
    }

    @Override
    public LineResult apply(OrderLine line) {
        if (!line.readable()) {
            return LineResult.error(line.number(), line.reference(), line.errors());
        }
        CheckRequest request = line.request();
        Set<ConstraintViolation<CheckRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            List<LineError> errors = new ArrayList<>(violations.size());
            for (ConstraintViolation<CheckRequest> v : violations) {
                errors.add(new LineError(fieldOf(v), reasonOf(v)));
            }
            errors.sort(Comparator.comparing(LineError::column).thenComparing(LineError::reason));
            return LineResult.error(line.number(), request.reference(), errors);
        }
        try {
            Decision decision = origin == null ? checker.check(request, ruleSet)
                    : DecisionContext.forBatchLine(origin.caller(), origin.job(), (int) line.number(),
                            () -> checker.check(request, ruleSet));
            return LineResult.of(line.number(), decision);
        } catch (DecisionLogUnavailableException e) {
            // Not a fault of the line: the line is not done (a job stops and checks it again), never an ERROR line.
            throw e;
        } catch (RuntimeException e) {
            // A rule that throws on one shipment must not take the file down with it.
            LOG.errorf(e, "Line %d could not be checked", line.number());
            return LineResult.error(line.number(), request.reference(),
                    List.of(new LineError(LineError.WHOLE_LINE, "could not be checked (internal error, logged): " + e)));
        }
    }

    private static String fieldOf(ConstraintViolation<?> v) {
        String last = null;
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null) {
                last = node.getName();
            }
        }
        return last == null ? LineError.WHOLE_LINE : last;
    }

    /** As the API words it: the constraint's message and, when short, the value that broke it. */
    private static String reasonOf(ConstraintViolation<?> v) {
        Object value = v.getInvalidValue();
        boolean showValue = value != null && !(value instanceof CheckRequest) && String.valueOf(value).length() <= 60;
        return v.getMessage() + (showValue ? " (got '" + value + "')" : "");
    }
}
