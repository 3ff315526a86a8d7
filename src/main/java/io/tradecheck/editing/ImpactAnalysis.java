package io.tradecheck.editing;

import io.tradecheck.batch.BatchPipeline;
import io.tradecheck.batch.LineChecker;
import io.tradecheck.batch.LineError;
import io.tradecheck.batch.OrderLine;
import io.tradecheck.batch.OrderReader;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Origin;
import jakarta.validation.Validator;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.function.Consumer;

/**
 * Runs every line of an order file through the active rule set and a draft, and reports the lines they decide
 * differently. Streams through the batch's own {@link BatchPipeline}; both checks go through {@link ShipmentChecker},
 * exactly as the API checks a request, and a line is validated as a batch line is ({@link LineChecker#errorsOf}).
 */
public final class ImpactAnalysis {
    private static final int INVALID_LISTED = 100;

    private final Validator validator;
    private final BatchPipeline pipeline;
    private final ZoneId customsZone;

    public ImpactAnalysis(Validator validator, Executor executor, int parallelism, ZoneId customsZone) {
        this.validator = validator;
        this.pipeline = new BatchPipeline(executor, parallelism);
        this.customsZone = customsZone;
    }

    /**
     * @param listLimit how many changed lines the report lists (all are counted)
     * @param sink      told every changed line, in file order (e.g. to write them all to a file); may be a no-op
     */
    public ImpactReport compare(OrderReader reader, RuleSet before, RuleSet after, int listLimit,
                                Consumer<RowChange> sink) throws IOException {
        long started = System.nanoTime();
        ShipmentChecker checker = new ShipmentChecker(new ActiveRuleSet(after), customsZone);
        Tally tally = new Tally(listLimit, sink);
        pipeline.run(reader, line -> compareOne(line, checker, before, after), tally::addAll);
        return tally.report(before, after, (System.nanoTime() - started) / 1_000_000);
    }

    private Compared compareOne(OrderLine line, ShipmentChecker checker, RuleSet before, RuleSet after) {
        List<LineError> invalid = LineChecker.errorsOf(line, validator);
        if (!invalid.isEmpty()) {
            return Compared.invalid(line.number(), line.reference(), invalid);
        }
        CheckRequest request = line.request();
        try {
            Decision was = checker.check(request, before, Origin.CURRENT_CALLER);
            Decision now = checker.check(request, after, Origin.CURRENT_CALLER);
            return new Compared(line.number(), request.reference(), was, now, RowChange.between(line.number(), was, now),
                    null);
        } catch (RuntimeException e) {
            return Compared.invalid(line.number(), request.reference(),
                    List.of(new LineError(LineError.WHOLE_LINE, "could not be checked: " + e)));
        }
    }

    /** One line, compared: both decisions and their difference, or why it could not be checked. */
    private record Compared(long line, String reference, Decision before, Decision after, RowChange change,
                            List<LineError> errors) {
        static Compared invalid(long line, String reference, List<LineError> errors) {
            return new Compared(line, reference, null, null, null, errors);
        }
    }

    /** Adds up, on the reading thread only, in file order. */
    private static final class Tally {
        private final int listLimit;
        private final Consumer<RowChange> sink;
        private long rows;
        private long checked;
        private long invalid;
        private long changed;
        private long omitted;
        private final Map<RowChange.Change, Long> byKind = new EnumMap<>(RowChange.Change.class);
        private final Map<String, Long> decisionChanges = new TreeMap<>();
        private final Map<String, BigDecimal[]> duty = new TreeMap<>();
        private final Map<String, Long> byRule = new TreeMap<>();
        private final List<RowChange> listed = new ArrayList<>();
        private final List<ImpactReport.InvalidLine> invalidLines = new ArrayList<>();

        Tally(int listLimit, Consumer<RowChange> sink) {
            this.listLimit = listLimit;
            this.sink = sink;
        }

        void addAll(List<Compared> results) {
            results.forEach(this::add);
        }

        void add(Compared c) {
            rows++;
            if (c.errors() != null) {
                invalid++;
                if (invalidLines.size() < INVALID_LISTED) {
                    invalidLines.add(new ImpactReport.InvalidLine(c.line(), c.reference(), c.errors()));
                }
                return;
            }
            checked++;
            BigDecimal[] totals = duty.computeIfAbsent(c.after().currency(), k -> new BigDecimal[]{BigDecimal.ZERO, BigDecimal.ZERO});
            // A duty that cannot be computed (null, with its reason) adds nothing to the totals.
            if (c.before().additionalDuty() != null) {
                totals[0] = totals[0].add(c.before().additionalDuty());
            }
            if (c.after().additionalDuty() != null) {
                totals[1] = totals[1].add(c.after().additionalDuty());
            }
            RowChange change = c.change();
            if (change == null) {
                return;
            }
            changed++;
            byKind.merge(change.change(), 1L, Long::sum);
            if (change.change() == RowChange.Change.DECISION) {
                decisionChanges.merge(change.decisionBefore() + " -> " + change.decisionAfter(), 1L, Long::sum);
            }
            change.causes().forEach(rule -> byRule.merge(rule, 1L, Long::sum));
            sink.accept(change);
            if (listed.size() < listLimit) {
                listed.add(change);
            } else {
                omitted++;
            }
        }

        ImpactReport report(RuleSet before, RuleSet after, long millis) {
            List<ImpactReport.DutyTotal> totals = duty.entrySet().stream()
                    .map(e -> new ImpactReport.DutyTotal(e.getKey(), e.getValue()[0], e.getValue()[1],
                            e.getValue()[1].subtract(e.getValue()[0])))
                    .toList();
            List<ImpactReport.RuleImpact> rules = byRule.entrySet().stream()
                    .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
                    .map(e -> new ImpactReport.RuleImpact(e.getKey(), e.getValue())).toList();
            long perSecond = millis == 0 ? rows * 1000 : rows * 1000 / millis;
            return new ImpactReport(before.ref(), after.ref(), rows, checked, invalid, changed, byKind, decisionChanges,
                    totals, rules, listed, omitted, invalidLines, millis, perSecond);
        }
    }
}
