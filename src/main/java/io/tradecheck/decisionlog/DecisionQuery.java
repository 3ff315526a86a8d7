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

    /** The WHERE clause and its parameters, in order. */
    String where(List<Object> params) {
        List<String> terms = new ArrayList<>();
        if (from != null) {
            terms.add("decided_at >= ?");
            params.add(DecisionStore.utc(from));
        }
        if (to != null) {
            terms.add("decided_at < ?");
            params.add(DecisionStore.utc(to));
        }
        add(terms, params, "reference", reference);
        add(terms, params, "outcome", outcome);
        add(terms, params, "rule_set_version", ruleSetVersion);
        add(terms, params, "batch_job", batchJob);
        return terms.isEmpty() ? "" : " WHERE " + String.join(" AND ", terms);
    }

    private static void add(List<String> terms, List<Object> params, String column, String value) {
        if (value != null && !value.isBlank()) {
            terms.add(column + " = ?");
            params.add(value);
        }
    }
}
