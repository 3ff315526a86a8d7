package io.tradecheck.model;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * The answer to a pre-check.
 *
 * @param additionalDutyRate sum of the additional ad valorem duties in force on the evaluation date (MFN excluded), percent
 * @param additionalDuty     that rate applied to the customs value, in the request currency, 2 decimals
 */
public record Decision(
        String reference,
        Outcome decision,
        BigDecimal additionalDutyRate,
        BigDecimal additionalDuty,
        String currency,
        LocalDate evaluationDate,
        List<Finding> findings,
        RuleSetRef ruleSet) {
}
