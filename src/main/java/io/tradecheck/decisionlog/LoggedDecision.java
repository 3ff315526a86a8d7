package io.tradecheck.decisionlog;

import java.time.Instant;

/**
 * One row of the decision log: who asked what, when, on which rule set, and what was answered. Request and response are
 * kept as the JSON that was received and sent, so the record survives changes to the Java types.
 *
 * @param batchJob  the batch job the line belonged to, or null for a single pre-check
 * @param batchLine the line number within that job's file, or null
 */
public record LoggedDecision(
        String id,
        Instant decidedAt,
        String caller,
        String reference,
        String outcome,
        String ruleSetVersion,
        String ruleSetDigest,
        String batchJob,
        Integer batchLine,
        String requestJson,
        String responseJson) {
}
