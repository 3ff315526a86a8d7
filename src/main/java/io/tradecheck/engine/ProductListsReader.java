package io.tradecheck.engine;

import io.tradecheck.pack.CsvTable;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackProblem;
import java.io.IOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Reads the product lists of a pack: the manifest {@code lists/lists.csv} (one row per list: id, title, legal basis,
 * Chapter 99 heading, source URL, provenance, generator) and one entries file {@code lists/<id>.csv} per list
 * (columns {@code hsPrefix,from,to}). Every problem is reported with file and line; a list with problems is left out,
 * so a row naming it fails as naming an unknown list.
 */
public final class ProductListsReader {
    public static final String FOLDER = "lists/";
    public static final String MANIFEST = FOLDER + "lists.csv";
    public static final List<String> MANIFEST_COLUMNS =
            List.of("listId", "title", "legalBasis", "chapter99", "source", "provenance", "generator");
    public static final List<String> ENTRY_COLUMNS = List.of("hsPrefix", "from", "to");

    private static final Pattern ID = Pattern.compile("[a-z0-9][a-z0-9-]*");
    private static final Pattern PREFIX = Pattern.compile("[0-9]{4}|[0-9]{6}|[0-9]{8}|[0-9]{10}");

    private ProductListsReader() {
    }

    /** True for a file of the lists folder (manifest or entries), which is not a measure table. */
    public static boolean isListFile(String path) {
        return path.startsWith(FOLDER) && path.endsWith(".csv");
    }

    /** The lists of the pack by id, in manifest order; empty when the pack has no lists folder. */
    public static Map<String, ProductList> read(List<RuleFile> files, List<RulePackProblem> problems) {
        Map<String, RuleFile> byPath = new LinkedHashMap<>();
        for (RuleFile f : files) {
            if (isListFile(f.path())) {
                byPath.put(f.path(), f);
            }
        }
        Map<String, ProductList> lists = new LinkedHashMap<>();
        if (byPath.isEmpty()) {
            return lists;
        }
        RuleFile manifest = byPath.get(MANIFEST);
        if (manifest == null) {
            problems.add(new RulePackProblem(MANIFEST, 0, null, "the lists folder has entry files but no manifest lists.csv"));
            return lists;
        }
        CsvTable table = parse(manifest, problems);
        if (table == null || !header(MANIFEST, table, MANIFEST_COLUMNS, problems)) {
            return lists;
        }
        Set<String> referenced = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.get("listId");
            if (!ID.matcher(id).matches()) {
                problems.add(new RulePackProblem(MANIFEST, row.line(), "listId",
                        "'" + id + "' must be lower-case letters, digits and '-', e.g. s301-list-3"));
                continue;
            }
            if (!referenced.add(id)) {
                problems.add(new RulePackProblem(MANIFEST, row.line(), "listId", "list '" + id + "' appears twice"));
                continue;
            }
            boolean ok = true;
            for (String column : List.of("title", "legalBasis", "source", "provenance")) {
                if (row.get(column).isEmpty()) {
                    problems.add(new RulePackProblem(MANIFEST, row.line(), column, "must not be blank"));
                    ok = false;
                }
            }
            RuleFile entriesFile = byPath.get(FOLDER + id + ".csv");
            if (entriesFile == null) {
                problems.add(new RulePackProblem(MANIFEST, row.line(), "listId",
                        "no entries file " + FOLDER + id + ".csv for list '" + id + "'"));
                continue;
            }
            List<ProductList.Entry> entries = entries(entriesFile, problems);
            if (ok && entries != null) {
                lists.put(id, new ProductList(id, row.get("title"), row.get("legalBasis"), blankToNull(row.get("chapter99")),
                        row.get("source"), row.get("provenance"), row.get("generator"), List.copyOf(entries)));
            }
        }
        for (String path : byPath.keySet()) {
            String id = path.substring(FOLDER.length(), path.length() - ".csv".length());
            if (!path.equals(MANIFEST) && !referenced.contains(id)) {
                problems.add(new RulePackProblem(path, 0, null, "list file is not named in " + MANIFEST));
            }
        }
        return lists;
    }

    private static List<ProductList.Entry> entries(RuleFile file, List<RulePackProblem> problems) {
        CsvTable table = parse(file, problems);
        if (table == null || !header(file.path(), table, ENTRY_COLUMNS, problems)) {
            return null;
        }
        int before = problems.size();
        List<ProductList.Entry> entries = new ArrayList<>(table.rows().size());
        for (CsvTable.Row row : table.rows()) {
            String prefix = row.get("hsPrefix").replaceAll("[ .]", "");
            if (!PREFIX.matcher(prefix).matches()) {
                problems.add(new RulePackProblem(file.path(), row.line(), "hsPrefix",
                        "'" + row.get("hsPrefix") + "' must be 4, 6, 8 or 10 digits"));
                continue;
            }
            LocalDate from = date(file.path(), row, "from", problems);
            LocalDate to = date(file.path(), row, "to", problems);
            if (from != null && to != null && to.isBefore(from)) {
                problems.add(new RulePackProblem(file.path(), row.line(), "to", "ends (" + to + ") before it starts (" + from + ")"));
                continue;
            }
            entries.add(new ProductList.Entry(prefix, from, to, row.line()));
        }
        if (entries.isEmpty() && problems.size() == before) {
            problems.add(new RulePackProblem(file.path(), 0, null, "list has no entries"));
        }
        return problems.size() > before ? null : entries;
    }

    private static CsvTable parse(RuleFile file, List<RulePackProblem> problems) {
        try {
            return CsvTable.parse(file.content());
        } catch (IOException | RuntimeException e) {
            problems.add(new RulePackProblem(file.path(), 0, null, "not a readable CSV file: " + e.getMessage()));
            return null;
        }
    }

    private static boolean header(String path, CsvTable table, List<String> expected, List<RulePackProblem> problems) {
        for (String column : expected) {
            if (!table.header().contains(column)) {
                problems.add(new RulePackProblem(path, 1, column, "required column is missing; expected columns " + expected));
                return false;
            }
        }
        return true;
    }

    private static LocalDate date(String path, CsvTable.Row row, String column, List<RulePackProblem> problems) {
        String value = row.get(column);
        if (value.isEmpty()) {
            return null;
        }
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            problems.add(new RulePackProblem(path, row.line(), column, "'" + value + "' is not an existing date in the form yyyy-MM-dd"));
            return null;
        }
    }

    private static String blankToNull(String value) {
        return value.isEmpty() ? null : value;
    }
}
