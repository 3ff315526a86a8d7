package io.tradecheck.console;

import io.tradecheck.engine.ShipmentChecker;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.List;

/** Suggestions from the tariff schedule of the rule set in force (rules/hts): the same search as GET /api/v1/hts. */
@ApplicationScoped
public class ScheduleHsDescriptions implements HsDescriptions {
    @Inject
    ShipmentChecker checker;

    @Override
    public List<Suggestion> suggest(String query, LocalDate date, int limit) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return checker.rules().current().schedule().search(query, date, limit).stream()
                .map(line -> new Suggestion(line.code(), line.description())).toList();
    }
}
