package io.tradecheck.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a pre-check.
 *
 * @param additionalDutyRate sum of the additional ad valorem duties in force on the evaluation date (MFN excluded),
 *                           percent; null when one of them cannot be worked out (see dutyNotComputed), never a partial sum
 * @param additionalDuty     that rate applied to the customs value, in the request currency, 2 decimals; null with the rate
 * @param dutyNotComputed    why additionalDutyRate and additionalDuty are null (e.g. an all-in rate needs mfnRate);
 *                           absent when they are computed
 * @param htsDescription     the HTS description of the code on the entry date, from the heading down (null when the
 *                           pack has no schedule for that date or the code is not in it)
 * @param mfnRate            the MFN rate used, percent: the caller's mfnRate, else the schedule's (general, or the
 *                           special rate of the preferenceProgram); null when neither is known
 * @param mfnSource          where {@code mfnRate} came from (revision and line of the schedule, or the request)
 * @param totalDutyRate      MFN plus the additional duties, percent; null when either is not known (never a guess)
 * @param totalDuty          that rate applied to the customs value, 2 decimals; null with it
 * @param decisionId         the id under which the decision log keeps this decision ({@code GET /api/v1/decisions/{id}});
 *                           absent when the log is off or the decision was not recorded (replays, scenarios)
 */
@JsonPropertyOrder({"decisionId"})
public record Decision(
        String reference,
        Outcome decision,
        BigDecimal additionalDutyRate,
        BigDecimal additionalDuty,
        String currency,
        LocalDate evaluationDate,
        List<Finding> findings,
        RuleSetRef ruleSet,
        @JsonInclude(JsonInclude.Include.NON_NULL) String htsDescription,
        BigDecimal mfnRate,
        @JsonInclude(JsonInclude.Include.NON_NULL) MfnSource mfnSource,
        BigDecimal totalDutyRate,
        BigDecimal totalDuty,
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId,
        @JsonInclude(JsonInclude.Include.NON_NULL) String dutyNotComputed) {

    /** A decision not (yet) recorded in the decision log. */
    public Decision(String reference, Outcome decision, BigDecimal additionalDutyRate, BigDecimal additionalDuty,
                    String currency, LocalDate evaluationDate, List<Finding> findings, RuleSetRef ruleSet) {
        this(reference, decision, additionalDutyRate, additionalDuty, currency, evaluationDate, findings, ruleSet,
                null, null, null, null, null, null, null);
    }

    public Decision withDecisionId(String id) {
        return new Decision(reference, decision, additionalDutyRate, additionalDuty, currency, evaluationDate, findings,
                ruleSet, htsDescription, mfnRate, mfnSource, totalDutyRate, totalDuty, id, dutyNotComputed);
    }

    /** The same answer with what the tariff schedule adds: the outcome and findings it changes, MFN and totals. */
    public Decision withSchedule(Outcome outcome, List<Finding> findings, String htsDescription, BigDecimal mfnRate,
                                 MfnSource mfnSource, BigDecimal totalDutyRate, BigDecimal totalDuty) {
        return new Decision(reference, outcome, additionalDutyRate, additionalDuty, currency, evaluationDate, findings,
                ruleSet, htsDescription, mfnRate, mfnSource, totalDutyRate, totalDuty, decisionId, dutyNotComputed);
    }
}
