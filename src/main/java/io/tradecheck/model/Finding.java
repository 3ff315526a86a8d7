package io.tradecheck.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One reason in a decision: which rule, what it does to the shipment, on what legal basis and for which dates.
 *
 * @param rate        percent of customs value, where the measure has one (for a paused tariff: the suspended rate)
 * @param effectiveTo last day the measure (or the pause) is in force, inclusive; null when open-ended
 * @param resumesOn   for a {@link FindingKind#PAUSED_TARIFF}: the day the suspended rate would apply again
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Finding(
        String ruleId,
        FindingKind kind,
        String title,
        BigDecimal rate,
        String chapter99,
        String legalBasis,
        String source,
        LocalDate effectiveFrom,
        LocalDate effectiveTo,
        LocalDate resumesOn,
        String explanation) {
}
