package io.tradecheck.pack;

import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a scenario's decision must show. Every key is optional; only what is written is checked.
 *
 * @param findings findings that must be present; each matches on the keys it gives
 * @param absent   rule ids that must not appear in any finding
 */
public record Expectation(
        Outcome decision,
        BigDecimal additionalDutyRate,
        BigDecimal additionalDuty,
        List<ExpectedFinding> findings,
        List<String> absent) {

    public record ExpectedFinding(
            String ruleId,
            FindingKind kind,
            BigDecimal rate,
            String chapter99,
            LocalDate effectiveFrom,
            LocalDate effectiveTo,
            LocalDate resumesOn,
            String legalBasisContains) {
    }
}
