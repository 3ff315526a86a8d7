package io.tradecheck.console;

import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;

/** Used while no tariff schedule is loaded: no suggestions, the HS field stays a plain input. */
@DefaultBean
@ApplicationScoped
public class NoHsDescriptions implements HsDescriptions {
    @Override
    public List<Suggestion> suggest(String query, LocalDate date, int limit) {
        return List.of();
    }
}
