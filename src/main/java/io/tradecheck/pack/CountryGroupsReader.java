package io.tradecheck.pack;

import io.tradecheck.model.validation.CountryCodeValidator;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads reference/country-groups.csv (columns {@code group, members, source}): named lists of ISO country codes that
 * measure tables may use in their country columns, e.g. {@code EU} for the 27 member states.
 */
public final class CountryGroupsReader {
    private static final Pattern GROUP_NAME = Pattern.compile("[A-Z][A-Z0-9_]+");

    public static Map<String, List<String>> read(String file, byte[] content, List<RulePackProblem> problems) {
        Map<String, List<String>> groups = new LinkedHashMap<>();
        CsvTable table;
        try {
            table = CsvTable.parse(content);
        } catch (IOException | RuntimeException e) {
            problems.add(new RulePackProblem(file, 0, null, "not a readable CSV table: " + e.getMessage()));
            return groups;
        }
        if (!table.header().containsAll(List.of("group", "members"))) {
            problems.add(new RulePackProblem(file, 1, null, "header must have the columns group, members, source"));
            return groups;
        }
        for (CsvTable.Row row : table.rows()) {
            String name = row.get("group").toUpperCase(Locale.ROOT);
            if (!GROUP_NAME.matcher(name).matches() || CountryCodeValidator.isCountry(name)) {
                problems.add(new RulePackProblem(file, row.line(), "group",
                        "'" + name + "' must be upper-case letters, digits or '_' and must not be a country code"));
                continue;
            }
            if (groups.containsKey(name)) {
                problems.add(new RulePackProblem(file, row.line(), "group", "group '" + name + "' is defined twice"));
                continue;
            }
            List<String> members = List.of(row.get("members").toUpperCase(Locale.ROOT).split("[\\s,]+"));
            for (String member : members) {
                if (!CountryCodeValidator.isCountry(member) || member.length() != 2) {
                    problems.add(new RulePackProblem(file, row.line(), "members",
                            "'" + member + "' is not an ISO 3166-1 alpha-2 country code"));
                }
            }
            groups.put(name, members);
        }
        return groups;
    }
}
