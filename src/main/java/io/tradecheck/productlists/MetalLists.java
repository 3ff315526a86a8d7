package io.tradecheck.productlists;

import io.tradecheck.engine.ProductList;
import io.tradecheck.pack.CsvTable;
import io.tradecheck.productlists.ProductListGenerator.Disagreement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The Section 232 steel and aluminium lists.
 *
 * <ul>
 *   <li>2025 regime (12 Mar 2025 to 5 Apr 2026): the articles of old notes 16(b)/19(b), the derivatives of the
 *   February 2025 proclamations (and of Proc. 9980, 2020) and the inclusions of 18 Aug 2025. Aluminium is read from
 *   note 19 as HTSUS 2026 Rev. 6 still prints it ((i) 9903.85.04, (j) 9903.85.07, (k) 9903.85.08), each entry dated by
 *   the tracker where it records a later inclusion. Old note 16 (steel) is no longer printed, so steel comes from the
 *   tracker, with the 10-digit provisions note 19(k) prints in place of the 8-digit ones the tracker cut them to
 *   (e.g. 3004.90.92.44, not all of 3004.90.92: the 18 Aug 2025 inclusions were one list for both metals).</li>
 *   <li>From 6 Apr 2026: the annexes of the 2 Apr 2026 proclamation as note 16(c) prints them, one list per metal and
 *   tier: Annex I-A (50%, (i)-(iv)), I-B (25%, (vi)-(vii)), III (15% all-in, (ix)-(x)). Copper ((v), (viii)) is
 *   checked against the copper lists (the same 80 lines). The headings are mutually exclusive, so a provision printed
 *   for two metals in one tier is kept on the steel (or copper) list only and counted as an overlap.</li>
 * </ul>
 * Where the tracker and the note text disagree, the note wins; every such entry is reported as a {@link Disagreement}.
 */
final class MetalLists {
    static final String METAL_CHAPTERS = "product-lists/s232_metal_chapter_products.csv";
    static final String DERIVATIVES = "product-lists/s232_derivative_products.csv";

    private static final LocalDate PROCLAMATIONS_2025 = LocalDate.of(2025, 3, 12);
    private static final LocalDate INCLUSIONS = LocalDate.of(2025, 8, 18);
    private static final Pattern COLUMN_CODE = Pattern.compile("\\d{4}(\\.\\d{2}(\\.(\\d{2}|\\d{4}))?)?");
    private static final String SOURCE_2025 = "https://www.govinfo.gov/content/pkg/FR-2025-06-09/html/2025-10524.htm";
    private static final String SOURCE_2026 = "https://www.ashurstperkinscoie.com/en/insights/restructured-and-additional-section-232-tariffs-on-aluminum-steel-and-copper/";
    private static final String BASIS_2026 = "Proclamation of 2 Apr 2026 restructuring Section 232 steel, aluminium and copper "
            + "(Proc. 11021 per third-party code, UNCERTAIN); HTSUS note 16(c)";

    private final TrackerData data;
    private final UsNoteText notes;
    private final String notesProvenance;
    private final List<Disagreement> disagreements;

    MetalLists(TrackerData data, UsNoteText notes, String notesProvenance, List<Disagreement> disagreements) {
        this.data = data;
        this.notes = notes;
        this.notesProvenance = notesProvenance;
        this.disagreements = disagreements;
    }

    // ---- 2025 ----------------------------------------------------------------------------------------------------

    List<ProductList> lists2025() {
        ListEntries steelArticles = new ListEntries();
        ListEntries steelDerivatives = new ListEntries();
        ListEntries aluminumArticles = new ListEntries();
        Map<String, LocalDate> aluminumDates = new TreeMap<>();
        Set<String> trackerAluminum = new LinkedHashSet<>();
        for (CsvTable.Row row : data.table(METAL_CHAPTERS).rows()) {
            String prefix = row.get("hts_prefix");
            LocalDate from = ListEntries.date(row.get("effective_date"));
            boolean mill = row.get("kind").equals("mill");
            switch (row.get("metal_type")) {
                case "steel" -> {
                    if (mill) {
                        steelArticles.add(prefix);
                    } else {
                        steelDerivatives.add(prefix, from, null);
                    }
                }
                case "aluminum" -> {
                    if (mill) {
                        aluminumArticles.add(prefix);
                    } else {
                        trackerAluminum.add(prefix);
                        if (from != null) {
                            aluminumDates.put(prefix, from);
                        }
                    }
                }
                default -> { } // copper has lists of its own
            }
        }
        UsNoteText.Provisions note19k = new UsNoteText.Provisions(notes.provisions(
                "(k) The rates of duty in heading 9903.85.08", "For any derivative aluminum product that is classified"));
        ListEntries steelInclusions = new ListEntries();
        for (CsvTable.Row row : data.table(DERIVATIVES).rows()) {
            String prefix = row.get("hts_prefix");
            LocalDate from = ListEntries.date(row.get("effective_date"));
            if (row.get("ch99_code").equals("9903.81.91")) {
                Set<String> longer = note19k.strictlyUnder(prefix);
                if (!longer.isEmpty() && !note19k.codes().contains(prefix)) {
                    disagreements.add(new Disagreement(prefix, DERIVATIVES, String.join(" ", longer), "tracker lists all of "
                            + prefix + " under 9903.81.91; the 18 Aug 2025 inclusion (printed in note 19(k) for aluminium) "
                            + "names only " + String.join(", ", longer)));
                    longer.forEach(code -> steelInclusions.add(code, INCLUSIONS, null));
                } else {
                    steelInclusions.add(prefix, INCLUSIONS, null);
                }
            } else if (row.get("derivative_type").equals("aluminum")) {
                trackerAluminum.add(prefix);
                if (from != null) {
                    aluminumDates.put(prefix, from);
                }
            }
        }

        // Aluminium derivatives as note 19 prints them; the tracker only dates them.
        Set<String> note19i = notes.provisions("(i) The rates of duty set forth in heading 9903.85.04",
                "(j) The rates of duty set forth in heading 9903.85.07");
        Set<String> note19j = notes.provisions("(j) The rates of duty set forth in heading 9903.85.07",
                "(k) The rates of duty in heading 9903.85.08");
        ListEntries aluminumDerivatives = new ListEntries();
        note19i.forEach(aluminumDerivatives::add);
        for (String code : note19j) {
            aluminumDerivatives.add(code, dated(code, aluminumDates), null);
        }
        ListEntries aluminumOther = new ListEntries();
        for (String code : note19k.codes()) {
            aluminumOther.add(code, dated(code, aluminumDates), null);
        }
        Set<String> printed = new LinkedHashSet<>(note19i);
        printed.addAll(note19j);
        printed.addAll(note19k.codes());
        UsNoteText.Provisions note19 = new UsNoteText.Provisions(printed);
        for (String prefix : trackerAluminum) {
            if (!printed.contains(prefix)) {
                Set<String> longer = note19.strictlyUnder(prefix);
                disagreements.add(new Disagreement(prefix, DERIVATIVES, String.join(" ", longer), longer.isEmpty()
                        ? "tracker lists it as an aluminium derivative; note 19(i)-(k) does not print it: left out"
                        : "note 19 prints only " + String.join(", ", longer)));
            }
        }
        for (String code : printed) {
            if (trackerAluminum.stream().noneMatch(p -> code.startsWith(p) || p.startsWith(code))) {
                disagreements.add(new Disagreement(code, "note 19 only", code, "note 19 prints it; the tracker does not list it: kept"));
            }
        }

        String steelProvenance = data.provenance(METAL_CHAPTERS) + "; " + data.provenance(DERIVATIVES) + "; " + notesProvenance;
        String aluminumProvenance = notesProvenance + "; " + data.provenance(METAL_CHAPTERS) + "; " + data.provenance(DERIVATIVES);
        String steelBasis = "Proc. 10896 (10 Feb 2025) and Proc. 10947 (3 Jun 2025); 2018 steel proclamations (Proc. 9705) and Proc. 9980 (2020); old HTSUS note 16";
        String aluminumBasis = "Proc. 10895 (10 Feb 2025) and Proc. 10947 (3 Jun 2025); 2018 aluminium proclamations (Proc. 9704) and Proc. 9980 (2020); HTSUS note 19";
        return List.of(
                list("s232-steel-articles", "Section 232 steel articles of old note 16(b) (7206-7229, 7301.10, 7302, 7304-7306)",
                        steelBasis, "9903.81.87", SOURCE_2025, steelProvenance, steelArticles),
                list("s232-steel-derivatives", "Section 232 derivative steel articles of chapters 72/73 (old note 16(m); "
                                + "Proc. 9980 nails from 2020, Proc. 10896 Annex I from 12 Mar 2025, three inclusions of 18 Aug 2025 under 9903.81.90)",
                        steelBasis, "9903.81.89", SOURCE_2025, steelProvenance, steelDerivatives),
                list("s232-steel-derivatives-2025-08", "Section 232 derivative steel articles outside chapter 73 included from 18 Aug 2025 (9903.81.91)",
                        steelBasis + "; BIS inclusions notice FR 2025-15819", "9903.81.91", SOURCE_2025, steelProvenance, steelInclusions),
                list("s232-aluminum-articles", "Section 232 aluminium articles of note 19(b) (7601, 7604-7609, 7616.99.51.60/.70)",
                        aluminumBasis, "9903.85.02", SOURCE_2025, aluminumProvenance, aluminumArticles),
                list("s232-aluminum-derivatives", "Section 232 derivative aluminium articles of chapter 76 and the 2020 derivatives (note 19(i) 9903.85.04, 19(j) 9903.85.07)",
                        aluminumBasis, "9903.85.07", SOURCE_2025, aluminumProvenance, aluminumDerivatives),
                list("s232-aluminum-derivatives-other", "Section 232 derivative aluminium articles outside chapter 76 (note 19(k), 9903.85.08; inclusions of 18 Aug 2025 dated)",
                        aluminumBasis + "; BIS inclusions notice FR 2025-15819", "9903.85.08", SOURCE_2025, aluminumProvenance, aluminumOther));
    }

    /** The tracker's inclusion date of a note 19 provision (by the code or its 8-digit subheading), else 12 Mar 2025. */
    private static LocalDate dated(String code, Map<String, LocalDate> dates) {
        LocalDate date = dates.get(code);
        if (date == null && code.length() > 8) {
            date = dates.get(code.substring(0, 8));
        }
        return date == null ? PROCLAMATIONS_2025 : date;
    }

    // ---- 2026 ----------------------------------------------------------------------------------------------------

    /** The three tiers of note 16(c) and the subdivision labels that open each metal's list within them. */
    private enum Tier { I_A, I_B, III }

    List<ProductList> lists2026(List<ProductList.Entry> copperIA, List<ProductList.Entry> copperIB) {
        Map<String, Set<String>> byTierAndMetal = new LinkedHashMap<>();
        String section = "(i)";
        for (String line : notes.between("(i) Articles of aluminum:", "(d) Headings 9903.82.04 and 9903.82.05")) {
            for (String label : List.of("(ii) Derivative aluminum", "(iii) Articles of steel", "(vi) Derivative aluminum",
                    "(vii) Derivative steel", "(viii) Articles of copper", "(ix) Derivative aluminum", "(x) Derivative steel")) {
                if (line.contains(label)) {
                    section = label.substring(0, label.indexOf(')') + 1);
                }
            }
            for (String token : line.split("\\s+")) {
                if (!COLUMN_CODE.matcher(token).matches() || token.startsWith("99")) {
                    continue;
                }
                String code = token.replace(".", "");
                String key = switch (section) {
                    case "(i)", "(ii)" -> "I_A aluminum";
                    // Pages of (iii)-(v) print the steel, derivative steel and copper columns side by side.
                    case "(iii)" -> code.startsWith("74") ? "I_A copper" : "I_A steel";
                    case "(vi)" -> "I_B aluminum";
                    case "(vii)" -> "I_B steel";
                    case "(viii)" -> "I_B copper";
                    case "(ix)" -> "III aluminum";
                    default -> "III steel";
                };
                byTierAndMetal.computeIfAbsent(key, k -> new LinkedHashSet<>()).add(code);
            }
        }
        checkCopper(byTierAndMetal.get("I_A copper"), copperIA, "s232-copper-2026-annex-i-a");
        checkCopper(byTierAndMetal.get("I_B copper"), copperIB, "s232-copper-2026-annex-i-b");
        List<ProductList> lists = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            Set<String> steel = byTierAndMetal.getOrDefault(tier + " steel", Set.of());
            Set<String> others = new LinkedHashSet<>(steel);
            others.addAll(byTierAndMetal.getOrDefault(tier + " copper", Set.of()));
            UsNoteText.Provisions taken = new UsNoteText.Provisions(others);
            ListEntries steelEntries = new ListEntries();
            steel.forEach(steelEntries::add);
            ListEntries aluminumEntries = new ListEntries();
            for (String code : byTierAndMetal.getOrDefault(tier + " aluminum", Set.of())) {
                String covering = taken.covering(code);
                if (covering != null) {
                    disagreements.add(new Disagreement(code, "note 16(c) " + tier, covering, "printed for aluminium and for steel "
                            + "or copper in the same annex; the headings are mutually exclusive, so it is charged once, on the "
                            + "steel/copper list (" + covering + ")"));
                } else {
                    aluminumEntries.add(code);
                }
            }
            lists.add(annex("steel", tier, steelEntries));
            lists.add(annex("aluminum", tier, aluminumEntries));
        }
        lists.add(weightTest(lists, copperIA, copperIB));
        return lists;
    }

    /**
     * Note 16(c): "For articles classified in the listed provisions that are not in chapters 72, 73, 74 or 76 of the
     * HTSUS, headings 9903.82.02 and 9903.82.04-9903.82.17 only apply where the weight of the applicable metal is at least
     * 15 percent of the weight of the imported article." The provisions of every annex list outside those chapters.
     */
    private ProductList weightTest(List<ProductList> annexes, List<ProductList.Entry> copperIA, List<ProductList.Entry> copperIB) {
        ListEntries entries = new ListEntries();
        List<ProductList.Entry> all = new ArrayList<>();
        annexes.forEach(l -> all.addAll(l.entries()));
        all.addAll(copperIA);
        all.addAll(copperIB);
        for (ProductList.Entry e : all) {
            String chapter = e.hsPrefix().substring(0, 2);
            if (!Set.of("72", "73", "74", "76").contains(chapter)) {
                entries.add(e.hsPrefix());
            }
        }
        return list("s232-2026-weight-test", "Section 232 metals from 6 Apr 2026: listed provisions outside chapters 72, 73, 74 and 76, "
                + "owing the annex duty only if the listed metal is at least 15% of the weight (note 16(c))", BASIS_2026, "9903.82.03",
                SOURCE_2026, notesProvenance, entries);
    }

    private void checkCopper(Set<String> printed, List<ProductList.Entry> copper, String listId) {
        Set<String> listed = new LinkedHashSet<>();
        copper.forEach(e -> listed.add(e.hsPrefix()));
        Set<String> notPrinted = new LinkedHashSet<>(listed);
        notPrinted.removeAll(printed == null ? Set.of() : printed);
        Set<String> notListed = new LinkedHashSet<>(printed == null ? Set.of() : printed);
        notListed.removeAll(listed);
        notPrinted.forEach(c -> disagreements.add(new Disagreement(c, listId, "", "on the copper list, not printed in note 16(c)")));
        notListed.forEach(c -> disagreements.add(new Disagreement(c, "note 16(c) only", listId, "printed in note 16(c), not on the copper list")));
    }

    private ProductList annex(String metal, Tier tier, ListEntries entries) {
        String annex = switch (tier) {
            case I_A -> "i-a";
            case I_B -> "i-b";
            case III -> "iii";
        };
        String what = metal.equals("steel") ? "steel" : "aluminium";
        String title = switch (tier) {
            case I_A -> "Section 232 " + what + " from 6 Apr 2026, Annex I-A: articles and derivatives at 50% of full value (note 16(c)("
                    + (metal.equals("steel") ? "iii)-(iv" : "i)-(ii") + "))";
            case I_B -> "Section 232 " + what + " from 6 Apr 2026, Annex I-B: derivatives at 25% of full value (note 16(c)("
                    + (metal.equals("steel") ? "vii" : "vi") + "))";
            case III -> "Section 232 " + what + " from 6 Apr 2026, Annex III: equipment at 15% all-in to 31 Dec 2027 (note 16(c)("
                    + (metal.equals("steel") ? "x" : "ix") + "))";
        };
        String heading = switch (tier) {
            case I_A -> "9903.82.02";
            case I_B -> "9903.82.09";
            case III -> "9903.82.10";
        };
        return list("s232-" + metal + "-2026-annex-" + annex, title, BASIS_2026, heading, SOURCE_2026, notesProvenance, entries);
    }

    private static ProductList list(String id, String title, String basis, String heading, String source, String provenance,
                                    ListEntries entries) {
        return new ProductList(id, title, basis, heading, source, provenance, ProductListGenerator.COMMAND, entries.list());
    }
}
