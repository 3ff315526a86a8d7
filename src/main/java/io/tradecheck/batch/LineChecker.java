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
            Decision decision = checker.check(request, ruleSet, origin == null ? Origin.CURRENT_CALLER
                    : Origin.batchLine(origin.caller(), origin.job(), line.number()));
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
