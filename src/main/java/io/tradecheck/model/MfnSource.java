package io.tradecheck.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;

/**
 * Where a decision's MFN rate came from.
 *
 * @param column     "general" (Column 1 General), "special" (the preference programme's rate) or "request" (the
 *                   caller's mfnRate, which wins over the schedule)
 * @param programme  the preference programme whose special rate was used, e.g. "KR"
 * @param rateText   the rate as the schedule states it ("16.5%", "2.4¢/kg + 5%", "Free")
 * @param htsCode    the line the rate is stated on (the 8-digit subheading of a 10-digit statistical line)
 * @param revision   the HTS revision the line stands in unchanged since, e.g. "2025_rev_17"
 * @param validFrom  first day the line stood as used
 * @param validTo    last day it stood so, inclusive; absent while in force in the latest revision imported
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MfnSource(String column, String programme, String rateText, String htsCode, String revision,
                        LocalDate validFrom, LocalDate validTo) {
}
