package io.tradecheck.console;

import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import java.util.List;

/**
 * A decision laid out for people: the findings that decide it, the paused tariffs, and the coming changes (findings of
 * kind {@code UPCOMING_CHANGE}) each set apart.
 */
public record DecisionView(Decision decision, List<Finding> applying, List<Finding> paused, List<Finding> upcoming) {
    static final String UPCOMING = "UPCOMING_CHANGE";

    public static DecisionView of(Decision d) {
        List<Finding> all = d.findings() == null ? List.of() : d.findings();
        return new DecisionView(d,
                all.stream().filter(f -> f.kind() != FindingKind.PAUSED_TARIFF && !UPCOMING.equals(f.kind().name())).toList(),
                all.stream().filter(f -> f.kind() == FindingKind.PAUSED_TARIFF).toList(),
                all.stream().filter(f -> UPCOMING.equals(f.kind().name())).toList());
    }
}
