package io.tradecheck.decisionlog;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A search of the decision log; every criterion is optional and they combine with AND. Results come newest first.
 *
 * @param from  inclusive
 * @param to    exclusive
 * @param limit at most this many rows (a page); {@code offset} skips that many first
 */
public record DecisionQuery(Instant from, Instant to, String reference, String outcome, String ruleSetVersion,
                            String batchJob, int limit, int offset) {

    /**
     * The WHERE clause and its parameters, in order, over {@code decision_entry e} joined to {@code decision_rule_set r}
     * and {@code decision_batch b}. Time is a range of the id (UUID version 7), so it uses the primary key.
     */
    String where(List<Object> params) {
        List<String> terms = new ArrayList<>();
        if (from != null) {
            terms.add("e.id >= ?");
            params.add(DecisionIds.lowerBound(from));
        }
        if (to != null) {
            terms.add("e.id < ?");
            params.add(DecisionIds.lowerBound(to));
        }
        add(terms, params, "e.reference", DecisionStore.storable(reference));
        add(terms, params, "e.outcome", outcome);
        add(terms, params, "r.version", ruleSetVersion);
        add(terms, params, "b.job", batchJob);
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    boolean needsRuleSet() {
        return ruleSetVersion != null && !ruleSetVersion.isBlank();
    }

    boolean needsBatch() {
        return batchJob != null && !batchJob.isBlank();
    }

    private static void add(List<String> terms, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(column + " = ?");
            params.add(value);
        }
    }
}
