package io.tradecheck.batch;

import io.tradecheck.model.Outcome;
import io.tradecheck.model.RuleSetRef;
import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

/**
 * What a batch came to: lines read, lines per decision (ERROR included), the additional duty per currency (duties in
 * different currencies are never added together) and the rule set that decided every line.
 */
public record BatchSummary(long lines, Map<String, Long> decisions, long errors,
                           Map<String, BigDecimal> additionalDutyByCurrency, RuleSetRef ruleSet, long millis) {

    /** True when a pipeline should stop: a line is prohibited or could not be checked. */
    public boolean blocking() {
        return errors > 0 || decisions.getOrDefault(Outcome.PROHIBITED.name(), 0L) > 0;
    }

    /** Counts results as they are written; used by the one thread that writes. */
    public static final class Tally {
        private RuleSetRef ruleSet;
        private final long started = System.nanoTime();
        private final long[] byOutcome = new long[Outcome.values().length];
        private final Map<String, BigDecimal> duty = new TreeMap<>();
        private long lines;
        private long errors;

        public Tally(RuleSetRef ruleSet) {
            this.ruleSet = ruleSet;
        }

        public void add(LineResult r) {
            lines++;
            if (r.isError()) {
                errors++;
                return;
            }
            byOutcome[Outcome.valueOf(r.decision()).ordinal()]++;
            if (r.additionalDuty() != null && r.currency() != null && r.additionalDuty().signum() != 0) {
                duty.merge(r.currency(), r.additionalDuty(), BigDecimal::add);
            }
        }

        public long lines() {
            return lines;
        }

        /** The rule set that decides the lines still to come (a resumed job: the one in force at the restart). */
        Tally on(RuleSetRef next) {
            this.ruleSet = next;
            return this;
        }

        public BatchSummary summary() {
            Map<String, Long> decisions = new LinkedHashMap<>();
            for (Outcome o : Outcome.values()) {
                decisions.put(o.name(), byOutcome[o.ordinal()]);
            }
            decisions.put(LineResult.ERROR, errors);
            return new BatchSummary(lines, decisions, errors, new TreeMap<>(duty), ruleSet,
                    (System.nanoTime() - started) / 1_000_000);
        }
    }
}
