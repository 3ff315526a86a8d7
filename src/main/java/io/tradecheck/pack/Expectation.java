package io.tradecheck.pack;

import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Outcome;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What a scenario's decision must show. Every key is optional; only what is written is checked.
 *
 * @param dutyComputed false: the additional duty must be left uncomputed (null, with {@code dutyNotComputed} saying
 *                     why); true: it must be a number
 * @param findings findings that must be present; each matches on the keys it gives
 * @param absent   rule ids that must not appear in any finding
 * @param mfnRate  the MFN rate the decision used (looked up in the schedule or the request's)
 * @param totalDutyRate MFN plus additional duties
 */
public record Expectation(
        Outcome decision,
        BigDecimal additionalDutyRate,
        BigDecimal additionalDuty,
        Boolean dutyComputed,
        List<ExpectedFinding> findings,
        List<String> absent,
        BigDecimal mfnRate,
        BigDecimal totalDutyRate) {

    /** An expectation without the schedule's figures (MFN rate, total). */
    public Expectation(Outcome decision, BigDecimal additionalDutyRate, BigDecimal additionalDuty,
                       List<ExpectedFinding> findings, List<String> absent) {
        this(decision, additionalDutyRate, additionalDuty, null, findings, absent, null, null);
    }

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
