package io.tradecheck.editing;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.Outcome;
import java.math.BigDecimal;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * One order line that the draft decides differently from the active rule set.
 *
 * @param change   the most significant difference: {@code DECISION} (the outcome), {@code DUTY} (rate or amount), or
 *                 {@code FINDINGS} (same outcome and duty, but a measure, rate, date or pause shown differently)
 * @param added    findings only the draft gives, as {@code RULE-ID KIND rate%}
 * @param removed  findings only the active rule set gives
 * @param causes   the rule ids behind the difference
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RowChange(long line, String reference, Change change, Outcome decisionBefore, Outcome decisionAfter,
                        BigDecimal rateBefore, BigDecimal rateAfter, BigDecimal dutyBefore, BigDecimal dutyAfter,
                        BigDecimal dutyDelta, String currency, List<String> added, List<String> removed,
                        List<String> causes) {

    public enum Change { DECISION, DUTY, FINDINGS }

    /** The columns of the changed-lines CSV, in the order of {@link #cells()}. */
    public static final List<String> COLUMNS = List.of("line", "reference", "change", "decisionBefore", "decisionAfter",
            "rateBefore", "rateAfter", "dutyBefore", "dutyAfter", "dutyDelta", "currency", "causes", "added", "removed");

    public Object[] cells() {
        return new Object[] {line, reference, change, decisionBefore, decisionAfter, rateBefore, rateAfter, dutyBefore,
                dutyAfter, dutyDelta, currency, String.join("; ", causes), String.join("; ", added),
                String.join("; ", removed)};
    }

    /** The difference between two decisions on the same line, or null when they agree. */
    static RowChange between(long line, Decision before, Decision after) {
        Set<String> was = signatures(before);
        Set<String> now = signatures(after);
        Change change;
        if (before.decision() != after.decision()) {
            change = Change.DECISION;
        } else if (!sameNumber(before.additionalDutyRate(), after.additionalDutyRate())
                || !sameNumber(before.additionalDuty(), after.additionalDuty())) {
            change = Change.DUTY;
        } else if (!was.equals(now)) {
            change = Change.FINDINGS;
        } else {
            return null;
        }
        List<String> added = now.stream().filter(s -> !was.contains(s)).toList();
        List<String> removed = was.stream().filter(s -> !now.contains(s)).toList();
        Set<String> causes = new LinkedHashSet<>();
        added.forEach(s -> causes.add(s.substring(0, s.indexOf(' '))));
        removed.forEach(s -> causes.add(s.substring(0, s.indexOf(' '))));
        return new RowChange(line, after.reference(), change, before.decision(), after.decision(),
                before.additionalDutyRate(), after.additionalDutyRate(), before.additionalDuty(), after.additionalDuty(),
                before.additionalDuty() == null || after.additionalDuty() == null ? null
                        : after.additionalDuty().subtract(before.additionalDuty()), after.currency(), added, removed,
                List.copyOf(causes));
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    /** What a finding decides: its rule, kind, rate, heading, dates. Texts are left out: rewording is no impact. */
    private static Set<String> signatures(Decision d) {
        Set<String> out = new LinkedHashSet<>();
        for (Finding f : d.findings()) {
            StringBuilder s = new StringBuilder(f.ruleId()).append(' ').append(f.kind());
            if (f.rate() != null) {
                s.append(' ').append(f.rate().stripTrailingZeros().toPlainString()).append('%');
            }
            if (f.chapter99() != null) {
                s.append(' ').append(f.chapter99());
            }
            if (f.effectiveFrom() != null || f.effectiveTo() != null) {
                s.append(" [").append(f.effectiveFrom()).append("..").append(f.effectiveTo() == null ? "" : f.effectiveTo())
                        .append(']');
            }
            if (f.resumesOn() != null) {
                s.append(" resumes ").append(f.resumesOn());
            }
            out.add(s.toString());
        }
        return out;
    }
}
