package io.tradecheck.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a pre-check.
 *
 * @param additionalDutyRate sum of the additional ad valorem duties in force on the evaluation date (MFN excluded), percent
 * @param additionalDuty     that rate applied to the customs value, in the request currency, 2 decimals
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
        @JsonInclude(JsonInclude.Include.NON_NULL) String decisionId) {

    /** A decision not (yet) recorded in the decision log. */
    public Decision(String reference, Outcome decision, BigDecimal additionalDutyRate, BigDecimal additionalDuty,
                    String currency, LocalDate evaluationDate, List<Finding> findings, RuleSetRef ruleSet) {
        this(reference, decision, additionalDutyRate, additionalDuty, currency, evaluationDate, findings, ruleSet, null);
    }

    public Decision withDecisionId(String id) {
        return new Decision(reference, decision, additionalDutyRate, additionalDuty, currency, evaluationDate, findings,
                ruleSet, id);
    }
}
