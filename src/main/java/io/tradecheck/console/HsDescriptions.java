package io.tradecheck.console;

import java.time.LocalDate;
import java.util.List;

/**
 * HS codes and their descriptions from the tariff schedule, for the pre-check form's typeahead. The console depends on
 * this interface only; {@link NoHsDescriptions} answers nothing until the schedule service is there, and the form then
 * works without suggestions.
 */
public interface HsDescriptions {
    record Suggestion(String code, String description) {
    }

    List<Suggestion> suggest(String query, LocalDate date, int limit);
}
