package io.tradecheck.decisionlog;

import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** What differs between two answers to the same request: the "what changed" view of a replay. */
public final class DecisionDiff {

    /** One difference; {@code before} or {@code after} is null when a finding appeared or disappeared. */
    public record Change(String what, String before, String after) {
    }

    private DecisionDiff() {
    }

    public static List<Change> between(Decision before, Decision after) {
        List<Change> changes = new ArrayList<>();
        if (before.decision() != after.decision()) {
            changes.add(new Change("decision", before.decision().name(), after.decision().name()));
        }
        if (!sameNumber(before.additionalDutyRate(), after.additionalDutyRate())) {
            changes.add(new Change("additionalDutyRate", plain(before.additionalDutyRate()), plain(after.additionalDutyRate())));
        }
        if (!sameNumber(before.additionalDuty(), after.additionalDuty())) {
            changes.add(new Change("additionalDuty", plain(before.additionalDuty()), plain(after.additionalDuty())));
        }
        Map<String, Finding> was = byRule(before.findings());
        Map<String, Finding> now = byRule(after.findings());
        for (Map.Entry<String, Finding> e : was.entrySet()) {
            Finding later = now.get(e.getKey());
            if (later == null) {
                changes.add(new Change("finding " + e.getKey(), describe(e.getValue()), null));
            } else if (!describe(e.getValue()).equals(describe(later))) {
                changes.add(new Change("finding " + e.getKey(), describe(e.getValue()), describe(later)));
            }
        }
        for (Map.Entry<String, Finding> e : now.entrySet()) {
            if (!was.containsKey(e.getKey())) {
                changes.add(new Change("finding " + e.getKey(), null, describe(e.getValue())));
            }
        }
        return changes;
    }

    private static Map<String, Finding> byRule(List<Finding> findings) {
        Map<String, Finding> map = new LinkedHashMap<>();
        for (Finding f : findings) {
            map.putIfAbsent(f.ruleId(), f);
        }
        return map;
    }

    /** The parts of a finding that matter to a broker: kind, rate, Chapter 99 heading and dates. */
    private static String describe(Finding f) {
        StringBuilder s = new StringBuilder(f.kind().name());
        if (f.rate() != null) {
            s.append(' ').append(plain(f.rate())).append('%');
        }
        if (f.chapter99() != null) {
            s.append(" under ").append(f.chapter99());
        }
        s.append(", ").append(Objects.toString(f.effectiveFrom(), "…")).append(" to ").append(Objects.toString(f.effectiveTo(), "open"));
        if (f.resumesOn() != null) {
            s.append(", resumes ").append(f.resumesOn());
        }
        return s.toString();
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return a == null ? b == null : b != null && a.compareTo(b) == 0;
    }

    private static String plain(BigDecimal n) {
        return n == null ? null : n.stripTrailingZeros().toPlainString();
    }
}
