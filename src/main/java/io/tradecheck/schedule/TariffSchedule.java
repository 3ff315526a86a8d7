package io.tradecheck.schedule;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The tariff schedule of the rule pack, as at any date: every 8- and 10-digit line with its intervals, held as a map
 * from number to the line's intervals (sorted by date) and a sorted array of numbers for prefix searches. Immutable
 * and thread-safe; a lookup is a hash lookup and a scan of a few intervals.
 */
public final class TariffSchedule {
    public static final TariffSchedule EMPTY = new TariffSchedule(Map.of(), List.of());

    private final Map<String, HtsLine[]> byCode;
    private final String[] codes;
    private final List<Nomenclature.Revision> revisions;
    private final LocalDate firstDay;

    TariffSchedule(Map<String, HtsLine[]> byCode, List<Nomenclature.Revision> revisions) {
        this.byCode = byCode;
        this.codes = byCode.keySet().stream().sorted().toArray(String[]::new);
        this.revisions = List.copyOf(revisions);
        this.firstDay = revisions.stream().map(Nomenclature.Revision::effectiveDate).min(Comparator.naturalOrder()).orElse(null);
    }

    /** The schedule of the nomenclature files of a rule pack (path relative to the rules folder to content). */
    public static TariffSchedule of(Map<String, byte[]> files) {
        byte[] revisionsFile = files.get(Nomenclature.REVISIONS_FILE);
        if (revisionsFile == null) {
            if (files.isEmpty()) {
                return EMPTY;
            }
            throw new Nomenclature.FormatException(Nomenclature.REVISIONS_FILE, 0,
                    "missing: the nomenclature needs its list of revisions (written by tradecheck import hts)");
        }
        List<Nomenclature.Revision> revisions = Nomenclature.readRevisions(revisionsFile);
        List<HtsRow> rows = new ArrayList<>(40_000);
        files.forEach((path, content) -> {
            if (!path.equals(Nomenclature.REVISIONS_FILE)) {
                rows.addAll(Nomenclature.readRows(path, content));
            }
        });
        return of(rows, revisions);
    }

    public static TariffSchedule of(List<HtsRow> rows, List<Nomenclature.Revision> revisions) {
        return new ScheduleBuilder(rows, revisions).build();
    }

    public boolean isEmpty() {
        return codes.length == 0;
    }

    public List<Nomenclature.Revision> revisions() {
        return revisions;
    }

    /** The first day the schedule covers; null when empty. Before it, nothing can be said about a code. */
    public LocalDate firstDay() {
        return firstDay;
    }

    public boolean covers(LocalDate date) {
        return firstDay != null && !date.isBefore(firstDay);
    }

    /** Number of distinct 8- and 10-digit numbers, over all dates. */
    public int size() {
        return codes.length;
    }

    /**
     * The line in force on {@code date} for a number given as digits (dots and spaces allowed). An 8-digit number
     * that USITC merged with its only statistical suffix ("8471.30.01" is printed as "8471.30.01.00") finds the
     * merged line.
     */
    public HtsLine line(String code, LocalDate date) {
        String digits = digits(code);
        HtsLine line = inForce(byCode.get(digits), date);
        if (line == null && digits.length() == 8) {
            for (int i = ceiling(digits); i < codes.length && codes[i].startsWith(digits); i++) {
                HtsLine candidate = inForce(byCode.get(codes[i]), date);
                if (candidate != null && candidate.rateLine().equals(candidate.code())) {
                    return candidate;
                }
            }
        }
        return line;
    }

    /** Every interval of a number, oldest first; empty when the number was never in the schedule. */
    public List<HtsLine> history(String code) {
        HtsLine[] lines = byCode.get(digits(code));
        return lines == null ? List.of() : List.of(lines);
    }

    /**
     * Lines in force on {@code date} close to a number that is not: those sharing its longest prefix of 8, 6 or 4
     * digits (siblings first), at most {@code limit}.
     */
    public List<HtsLine> nearest(String code, LocalDate date, int limit) {
        String digits = digits(code);
        for (int length : new int[]{8, 6, 4, 2}) {
            if (digits.length() < length) {
                continue;
            }
            List<HtsLine> found = withPrefix(digits.substring(0, length), date, limit);
            if (!found.isEmpty()) {
                return found;
            }
        }
        return List.of();
    }

    /** Lines in force on {@code date} whose number starts with the given digits, in number order. */
    public List<HtsLine> withPrefix(String prefix, LocalDate date, int limit) {
        List<HtsLine> found = new ArrayList<>();
        for (int i = ceiling(prefix); i < codes.length && codes[i].startsWith(prefix) && found.size() < limit; i++) {
            HtsLine line = inForce(byCode.get(codes[i]), date);
            if (line != null) {
                found.add(line);
            }
        }
        return found;
    }

    /**
     * Typeahead: digits (dots and spaces allowed) match numbers by prefix; words match descriptions (every word must
     * occur in the line's description path, case-insensitive), in number order.
     */
    public List<HtsLine> search(String query, LocalDate date, int limit) {
        String q = query == null ? "" : query.strip();
        if (q.isEmpty() || limit <= 0) {
            return List.of();
        }
        if (q.matches("[0-9 .]+")) {
            return withPrefix(digits(q), date, limit);
        }
        String[] words = q.toLowerCase(Locale.ROOT).split("\\s+");
        List<HtsLine> found = new ArrayList<>();
        for (int i = 0; i < codes.length && found.size() < limit; i++) {
            HtsLine line = inForce(byCode.get(codes[i]), date);
            if (line != null && matchesAll(line, words)) {
                found.add(line);
            }
        }
        return found;
    }

    private static boolean matchesAll(HtsLine line, String[] words) {
        for (String word : words) {
            boolean hit = false;
            for (String part : line.descriptionPath()) {
                if (part.toLowerCase(Locale.ROOT).contains(word)) {
                    hit = true;
                    break;
                }
            }
            if (!hit) {
                return false;
            }
        }
        return true;
    }

    private int ceiling(String digits) {
        int i = Arrays.binarySearch(codes, digits);
        return i >= 0 ? i : -i - 1;
    }

    private static HtsLine inForce(HtsLine[] intervals, LocalDate date) {
        if (intervals == null) {
            return null;
        }
        for (HtsLine line : intervals) {
            if (line.inForce(date)) {
                return line;
            }
        }
        return null;
    }

    private static String digits(String code) {
        return io.tradecheck.model.Shipment.digitsOf(code);
    }

    /** Resolves the rows, revision by revision, into line intervals: paths and inherited rates worked out once. */
    private static final class ScheduleBuilder {
        private final List<HtsRow> rows;
        private final List<Nomenclature.Revision> revisions;
        private final Map<String, DutyRate> parsed = new HashMap<>();
        private final Map<String, List<HtsLine>> intervals = new HashMap<>();
        private final Map<String, HtsLine> open = new HashMap<>();

        ScheduleBuilder(List<HtsRow> rows, List<Nomenclature.Revision> revisions) {
            this.rows = rows.stream().sorted(HtsRow.ORDER).toList();
            this.revisions = revisions.stream().sorted(Comparator.comparing(Nomenclature.Revision::effectiveDate)).toList();
        }

        /**
         * A line's path and inherited rates depend only on the rows of its own heading (4 digits), so each heading is
         * resolved only on the dates where one of its rows changes, not on every revision: ~10x less work.
         */
        TariffSchedule build() {
            int start = 0;
            while (start < rows.size()) {
                String heading = rows.get(start).code().substring(0, 4);
                int end = start;
                java.util.TreeSet<LocalDate> days = new java.util.TreeSet<>();
                while (end < rows.size() && rows.get(end).code().startsWith(heading)) {
                    HtsRow row = rows.get(end++);
                    days.add(row.from());
                    if (row.to() != null) {
                        days.add(row.to().plusDays(1));
                    }
                }
                List<HtsRow> group = rows.subList(start, end);
                open.clear();
                for (LocalDate day : days) {
                    LocalDate next = days.higher(day);
                    slice(group, revisionOn(day), day, next == null ? null : next.minusDays(1));
                }
                start = end;
            }
            Map<String, HtsLine[]> byCode = new HashMap<>(intervals.size() * 2);
            intervals.forEach((code, list) -> byCode.put(code, list.toArray(HtsLine[]::new)));
            return new TariffSchedule(byCode, revisions);
        }

        /** The name of the revision in force on a day. */
        private String revisionOn(LocalDate day) {
            String name = "";
            for (Nomenclature.Revision r : revisions) {
                if (!r.effectiveDate().isAfter(day)) {
                    name = r.name();
                }
            }
            return name;
        }

        /** The schedule as revision {@code name} states it, in force from {@code day} to {@code last}. */
        private void slice(List<HtsRow> rows, String name, LocalDate day, LocalDate last) {
            String[] path = new String[16];
            HtsRow[] rateAt = new HtsRow[16];
            Set<String> seen = new java.util.HashSet<>();
            for (HtsRow row : rows) {
                if (!row.inForce(day)) {
                    continue;
                }
                int indent = Math.min(row.indent(), path.length - 1);
                path[indent] = row.content().description();
                rateAt[indent] = !row.header() && !row.content().general().isEmpty() ? row : null;
                for (int i = indent + 1; i < path.length; i++) {
                    path[i] = null;
                    rateAt[i] = null;
                }
                // "0101.21.00" and "0101.21.00.10": the 8- and 10-digit lines
                int length = row.code().length();
                if (row.header() || (length != 10 && length != 13)) {
                    continue;
                }
                String digits = row.digits();
                HtsRow rates = null;
                Set<String> ch99 = new LinkedHashSet<>();
                List<String> descriptions = new ArrayList<>(indent + 1);
                for (int i = 0; i <= indent; i++) {
                    if (path[i] != null) {
                        descriptions.add(path[i]);
                    }
                    if (rateAt[i] != null) {
                        rates = rateAt[i];
                    }
                }
                // The footnotes of the line the rates sit on count too: "See 9903.88.15" on 6109.10.00 covers its suffixes.
                if (rates != null) {
                    addRefs(ch99, rates.content().ch99());
                }
                addRefs(ch99, row.content().ch99());
                HtsRow source = rates == null ? row : rates;
                HtsRow.Content c = source.content();
                HtsLine line = new HtsLine(row.code(), day, last, name, List.copyOf(descriptions), row.content().units(),
                        source.code(), c.general(), c.special(), c.other(),
                        parsed.computeIfAbsent(c.general(), DutyRate::parse), List.copyOf(ch99));
                add(digits, line, last);
                seen.add(digits);
            }
            open.keySet().removeIf(code -> !seen.contains(code));
        }

        private void add(String digits, HtsLine line, LocalDate last) {
            HtsLine current = open.get(digits);
            List<HtsLine> list = intervals.computeIfAbsent(digits, d -> new ArrayList<>(2));
            if (current != null && current.sameAs(line)) {
                HtsLine longer = current.until(last);
                list.set(list.size() - 1, longer);
                open.put(digits, longer);
            } else {
                list.add(line);
                open.put(digits, line);
            }
        }

        private static void addRefs(Set<String> into, String refs) {
            if (!refs.isEmpty()) {
                into.addAll(Arrays.asList(refs.split(";")));
            }
        }
    }
}
