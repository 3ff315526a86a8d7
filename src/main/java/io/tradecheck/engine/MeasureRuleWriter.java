package io.tradecheck.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns table rows into DRL: one rule per row and named country, matching on the shipment alone by equality (hashed by
 * the engine), with the entry-date window as an int range. A matching rule inserts a {@link MeasureHit} pointing back
 * at its row; the logic rules in rules/logic/ take it from there.
 */
public final class MeasureRuleWriter {
    /** Table rules fire before any logic rule looks at their hits. */
    public static final int TABLE_SALIENCE = 1000;

    public static String write(String packageName, String file, List<MeasureRow> rows, int firstIndex) {
        StringBuilder drl = new StringBuilder(256 + rows.size() * 320);
        drl.append("// Generated from ").append(file).append(" when the rule pack was loaded. Edit the table, not this.\n");
        drl.append("package ").append(packageName).append(";\n\n");
        drl.append("import io.tradecheck.model.Shipment;\n");
        drl.append("import io.tradecheck.engine.MeasureHit;\n");
        drl.append("global io.tradecheck.engine.MeasureRows rows;\n\n");
        for (int i = 0; i < rows.size(); i++) {
            MeasureRow row = rows.get(i);
            int index = firstIndex + i;
            for (String origin : expand(row.origin())) {
                for (String exporter : expand(row.exportCountry())) {
                    for (String destination : expand(row.destination())) {
                        appendRule(drl, row, index, origin, exporter, destination);
                    }
                }
            }
        }
        return drl.toString();
    }

    private static List<String> expand(CountryScope scope) {
        List<String> list = new ArrayList<>(scope.included());
        if (list.isEmpty()) {
            list.add(null);
        }
        return list;
    }

    private static void appendRule(StringBuilder drl, MeasureRow row, int index, String origin, String exporter,
                                   String destination) {
        List<String> constraints = new ArrayList<>();
        country(constraints, "origin", origin, row.origin());
        country(constraints, "exportCountry", exporter, row.exportCountry());
        country(constraints, "destination", destination, row.destination());
        if (!row.hsPrefix().isEmpty()) {
            constraints.add("hs" + row.hsPrefix().length() + " == \"" + row.hsPrefix() + "\"");
        }
        if (row.eccn() != null) {
            constraints.add("eccn == \"" + row.eccn() + "\"");
        }
        if (row.claim() != null) {
            constraints.add(MeasureTableReader.CLAIMS.get(row.claim()));
        }
        // Two comparisons separated by a comma, not &&, so the engine can index the range.
        constraints.add("entryDay >= " + row.from().toEpochDay());
        if (row.to() != null) {
            constraints.add("entryDay <= " + row.to().toEpochDay());
        }
        String name = row.location() + " " + row.measureId()
                + (origin != null ? " origin " + origin : "")
                + (exporter != null ? " from " + exporter : "")
                + (destination != null ? " to " + destination : "");
        drl.append("rule \"").append(name.replace("\"", "'")).append("\"\n")
                .append("    salience ").append(TABLE_SALIENCE).append('\n')
                // MVEL consequences are not compiled to Java classes one per rule: with the full pack (534 rules) this
                // cut the run-time compile by about a third to a half in our A/B runs, at no measurable cost per check.
                .append("    dialect \"mvel\"\n")
                .append("when\n")
                .append("    // in force ").append(row.from()).append(" .. ").append(row.to() == null ? "open" : row.to())
                .append('\n')
                .append("    Shipment( ").append(String.join(", ", constraints)).append(" )\n")
                .append("then\n")
                .append("    insert( new MeasureHit( rows, ").append(index).append(" ) );\n")
                .append("end\n\n");
    }

    private static void country(List<String> constraints, String property, String code, CountryScope scope) {
        if (code != null) {
            constraints.add(property + " == \"" + code + "\"");
        }
        if (!scope.excluded().isEmpty()) {
            constraints.add(property + " not in ( " + scope.excluded().stream().sorted()
                    .map(c -> "\"" + c + "\"").collect(Collectors.joining(", ")) + " )");
        }
    }

}
