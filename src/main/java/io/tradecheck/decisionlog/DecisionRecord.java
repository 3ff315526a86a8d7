package io.tradecheck.decisionlog;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A decision as the log stores it: the request, the outcome and rates, the rule ids, the rule set and the SHA-256 of
 * the answer that was sent. The full answer is rebuilt by replay ({@link DecisionArchive}); it is stored
 * ({@code answerJson}) only when its rule set is not in the rule history.
 *
 * @param answerJson    the answer as sent; written only when it cannot be rebuilt, null when read back otherwise
 * @param answerSha256  SHA-256 of the answer's JSON without its decision id; null for decisions logged before issue 12
 */
public record DecisionRecord(
        UUID id,
        String caller,
        String reference,
        String outcome,
        String ruleSetVersion,
        String ruleSetDigest,
        String batchJob,
        Integer batchLine,
        LocalDate evaluationDate,
        BigDecimal dutyRate,
        BigDecimal duty,
        String ruleIds,
        byte[] answerSha256,
        String requestJson,
        String answerJson) {

    /** When it was decided: the time in the id (UUID version 7, millisecond precision). */
    public Instant decidedAt() {
        return DecisionIds.instant(id);
    }

    public DecisionRecord withRequestJson(String request) {
        return new DecisionRecord(id, caller, reference, outcome, ruleSetVersion, ruleSetDigest, batchJob, batchLine,
                evaluationDate, dutyRate, duty, ruleIds, answerSha256, request, answerJson);
    }
}
