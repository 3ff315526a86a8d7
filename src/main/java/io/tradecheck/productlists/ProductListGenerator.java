package io.tradecheck.productlists;

import io.tradecheck.pack.CsvTable;
import io.tradecheck.engine.ProductList;
import io.tradecheck.engine.ProductListsReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Rebuilds every product list of rules/lists/ from the shared data folder: the tracker's extractions of the legal lists
 * (product-lists/), Annex II as HTSUS prints it (reciprocal/) and the USITC HTS footnotes (usitc-hts/), which win where
 * they and a list disagree. The output depends on the input files only: entries sorted, no timestamps, so running it
 * twice gives the same bytes and a test can compare the committed lists with a fresh run.
 */
public final class ProductListGenerator {
    public static final String COMMAND = "tradecheck generate lists --data ../shared/data --out rules/lists";

    /** The HTS revision whose footnotes decide Section 301 list membership (the last 2025 revision). */
    static final String FOOTNOTE_REVISION = "usitc-hts/hts_2025_rev_32.json.gz";

    private static final String S301_LISTS = "product-lists/s301_product_lists.csv";
    private static final String S301_EXCLUSIONS = "product-lists/s301_exclusion_lines.csv";
    private static final String ANNEX_II_HISTORY = "product-lists/annex_ii_first_appearance.csv";
    private static final String ANNEX_II_REV6 = "reciprocal/annex_ii_hts_2026_rev6.csv";
    private static final String S122 = "product-lists/s122_exempt_products.csv";
    private static final String COPPER = "product-lists/s232_copper_products.csv";
    private static final String FENTANYL = "product-lists/fentanyl_carveout_products.csv";
    private static final String FLOOR = "product-lists/floor_exempt_products.csv";
    private static final String BRAZIL = "product-lists/country_eo_exempt_products.csv";
    private static final String PHARMA = "product-lists/s232_pharma_products.csv";
    static final String US_NOTES = "product-lists/us-notes/chapter99_2026_rev_6.txt";

    /**
     * HTSUS note 42 (Section 232 polysilicon, from 4 Dec 2026) is later than the HTS text under shared/data, and no
     * tracker file holds it: its ad valorem scope as the addendum (N12) records it (wafers of 3818.00.00, cells
     * 8541.42, modules 8541.43; polysilicon 2804.61 owes the minimum import price only, so it is not listed).
     */
    private static final List<String> POLYSILICON_NOTE_42 = List.of(
            "3818000020", "3818000040", "3818000045", "3818000050", "3818000091", "854142", "854143");
    private static final String POLYSILICON_PROVENANCE =
            "HTSUS note 42 as recorded by shared/domain/measures-addendum-2026-11.md (N12); not in shared/data";

    private static final String USTR_301 = "https://frnow.com/Browse/Document/usa/na/fr/2024/9/18/2024-21217";
    private static final String USITC = "https://hts.usitc.gov/";

    /** Section 301 list headings of U.S. note 20, by list id. */
    static final Map<String, String> S301_HEADINGS = Map.of(
            "s301-list-1", "9903.88.01", "s301-list-2", "9903.88.02", "s301-list-3", "9903.88.03",
            "s301-list-3-addl", "9903.88.04", "s301-list-4a", "9903.88.15", "s301-list-4b", "9903.88.16");

    private final TrackerData data;
    private final List<Disagreement> disagreements = new ArrayList<>();

    /** An entry a tracker list and the HTS footnotes place differently; the HTS wins. */
    public record Disagreement(String hts8, String listFile, String listHts, String detail) {
    }

    /**
     * Lists 1, 2, 3 (and its further products) and 4A each enumerate their own 8-digit subheadings (notes 20(b), (d),
     * (f), (g), (s)): a subheading pays one of those headings, never two. The tracker file puts some subheadings on two
     * or three of them (e.g. 3906.90.20, which note 20(d) and the HTS footnote place on List 2 only); such a subheading
     * keeps the list(s) its HTS footnotes cite, or else the first list that named it.
     */
    private static final List<String> ONE_LIST_PER_SUBHEADING = List.of("s301-list-1", "s301-list-2", "s301-list-3",
            "s301-list-3-addl", "s301-list-4a");
    private final List<Disagreement> droppedDuplicates = new ArrayList<>();

    public ProductListGenerator(Path dataFolder) {
        this.data = new TrackerData(dataFolder);
    }

    /** Every list, in manifest order. */
    public List<ProductList> generate() {
        disagreements.clear();
        droppedDuplicates.clear();
        List<ProductList> lists = new ArrayList<>();
        lists.addAll(section301());
        lists.add(annexII());
        lists.add(simple("s122-annex-exempt", "Section 122 surcharge: Annex exemptions (note 2(aa)(ii)-(iv))",
                "Proclamation of 20 Feb 2026 (Section 122 temporary import surcharge), Annex; HTSUS note 2(aa)(ii)-(iv)",
                "9903.03.03", "https://www.ghy.com/?p=25947", S122, "hts8", null));
        lists.addAll(fromNotes());
        lists.add(simple("s232-copper-2025", "Section 232 copper: semi-finished copper and intensive derivatives (note 36(b))",
                "Proc. 10962 (30 Jul 2025); HTSUS note 36(b)", "9903.78.01",
                "https://www.mallorygroup.com/customs-guidance-tariffs-on-copper", COPPER, "hts10", null));
        List<ProductList> copper2026 = copper2026(lists.get(lists.size() - 1));
        lists.addAll(copper2026);
        MetalLists metals = new MetalLists(data, notes(), data.provenance(US_NOTES), disagreements);
        lists.addAll(metals.lists2025());
        lists.addAll(metals.lists2026(copper2026.get(0).entries(), copper2026.get(1).entries()));
        lists.addAll(new VehicleLists(data, notes(), data.provenance(US_NOTES)).lists());
        lists.add(brazilAnnexI());
        lists.add(carveOut("fentanyl-ca-energy", "energy_ca", "Canada IEEPA: energy, energy resources and critical minerals at 10% (9903.01.13)",
                "9903.01.13", "EO 14193 as amended (energy and energy resources; critical minerals of 30 U.S.C. 1606(a)(3)); HTSUS note 2(k)"));
        lists.add(carveOut("fentanyl-ca-potash", "potash_ca", "Canada IEEPA: potash at 10% (9903.01.15)", "9903.01.15",
                "EO 14231 (6 Mar 2025), potash; HTSUS note 2(l)"));
        lists.add(carveOut("fentanyl-mx-potash", "potash_mx", "Mexico IEEPA: potash at 10% (9903.01.05)", "9903.01.05",
                "EO 14232 (6 Mar 2025), potash; HTSUS note 2(b)"));
        lists.add(floor("floor-eu-natural-resources", "ptaap", "eu", "9903.02.74", "EU framework: natural resources and other goods exempt from the reciprocal duty (note 2(v)(xx))"));
        lists.add(floor("floor-eu-civil-aircraft", "civil_aircraft", "eu", "9903.02.76", "EU framework: civil aircraft, engines and parts exempt from the reciprocal duty (note 2(v)(xxii))"));
        lists.add(floor("floor-eu-pharma", "pharma", "eu", "9903.02.77", "EU framework: non-patented pharmaceuticals and chemical precursors exempt from the reciprocal duty (note 2(v)(xxiii))"));
        lists.add(floor("floor-kr-civil-aircraft", "civil_aircraft", "korea", "9903.02.81", "Korea framework: civil aircraft, engines and parts exempt from the reciprocal duty (note 2(v)(xxiv)(b))"));
        lists.add(floor("floor-ch-natural-resources", "ptaap", "swiss", "9903.02.84", "Switzerland/Liechtenstein framework: natural resources and other goods exempt from the reciprocal duty (note 2(v)(xxv)(b))"));
        lists.add(floor("floor-ch-civil-aircraft", "civil_aircraft", "swiss", "9903.02.85", "Switzerland/Liechtenstein framework: civil aircraft, engines and parts exempt from the reciprocal duty (note 2(v)(xxv)(c))"));
        lists.add(floor("floor-ch-pharma", "pharma", "swiss", "9903.02.86", "Switzerland/Liechtenstein framework: non-patented pharmaceuticals exempt from the reciprocal duty (note 2(v)(xxv)(d))"));
        // Note 40(c) lists 131 HTS10 provisions; the tracker file matches it exactly (addendum N7).
        lists.add(simple("s232-pharma", "Section 232 pharmaceuticals: patented pharmaceuticals and their ingredients (note 40(c))",
                "Proc. 11020 (2 Apr 2026) on Section 232 pharmaceuticals; HTSUS note 40", "9903.04.60",
                "https://www.pwc.com/us/en/services/tax/library/pwc-us-imposes-new-sec-232-tariffs-on-pharma-and-metals.html",
                PHARMA, "hts10", null));
        ListEntries polysilicon = new ListEntries();
        POLYSILICON_NOTE_42.forEach(polysilicon::add);
        lists.add(new ProductList("s232-polysilicon", "Section 232 polysilicon derivatives: wafers, cells and modules (note 42)",
                "Proclamation of 6 Aug 2026 on Section 232 polysilicon and its derivatives; HTSUS note 42", "9903.45.30",
                "https://github.com/Budget-Lab-Yale/tariff-rate-tracker/blob/04bd7d6/docs/internal/polysilicon_232_review_2026-08-06.md", POLYSILICON_PROVENANCE, COMMAND, polysilicon.list()));
        // Steel and aluminium: MetalLists; auto parts, MHD, semiconductors and Japan's aircraft list: VehicleLists.
        return lists;
    }

    /** Section 301 entries the last {@link #generate()} left out because the subheading is on another list already. */
    public List<Disagreement> droppedDuplicates() {
        return List.copyOf(droppedDuplicates);
    }

    /** What the last {@link #generate()} found where the HTS footnotes and a tracker list disagree. */
    public List<Disagreement> disagreements() {
        return List.copyOf(disagreements);
    }

    /** Writes the manifest and one entries file per list; deletes list files of lists no longer generated. */
    public void write(Path out) throws java.io.IOException {
        Files.createDirectories(out);
        Map<String, String> files = render(generate());
        try (var existing = Files.list(out)) {
            for (Path p : existing.filter(p -> p.toString().endsWith(".csv")).toList()) {
                if (!files.containsKey(p.getFileName().toString())) {
                    Files.delete(p);
                }
            }
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Files.writeString(out.resolve(f.getKey()), f.getValue(), StandardCharsets.UTF_8);
        }
    }

    /** File name (within rules/lists/) to content, manifest first. */
    public static Map<String, String> render(List<ProductList> lists) {
        Map<String, String> files = new LinkedHashMap<>();
        StringBuilder manifest = new StringBuilder(String.join(",", ProductListsReader.MANIFEST_COLUMNS)).append('\n');
        for (ProductList l : lists) {
            manifest.append(String.join(",", csv(l.id()), csv(l.title()), csv(l.legalBasis()),
                    csv(l.chapter99() == null ? "" : l.chapter99()), csv(l.source()), csv(l.provenance()), csv(l.generator())))
                    .append('\n');
            StringBuilder entries = new StringBuilder(String.join(",", ProductListsReader.ENTRY_COLUMNS)).append('\n');
            for (ProductList.Entry e : l.entries()) {
                entries.append(e.hsPrefix()).append(',').append(e.from() == null ? "" : e.from()).append(',')
                        .append(e.to() == null ? "" : e.to()).append('\n');
            }
            files.put(l.id() + ".csv", entries.toString());
        }
        files.put("lists.csv", manifest.toString());
        return files;
    }

    // ---- Section 301 ------------------------------------------------------------------------------------------

    private List<ProductList> section301() {
        CsvTable table = data.table(S301_LISTS);
        Map<String, String> trackerListToId = Map.ofEntries(Map.entry("1", "s301-list-1"), Map.entry("2", "s301-list-2"),
                Map.entry("3", "s301-list-3"), Map.entry("3_addl", "s301-list-3-addl"), Map.entry("4A", "s301-list-4a"),
                Map.entry("4B", "s301-list-4b"));
        Map<String, ListEntries> byId = new LinkedHashMap<>();
        Review.ALL.forEach(r -> byId.put(r.id, new ListEntries()));
        S301_HEADINGS.keySet().stream().sorted().forEach(id -> byId.put(id, new ListEntries()));
        Map<String, String> headingToId = new TreeMap<>();
        S301_HEADINGS.forEach((id, heading) -> headingToId.put(heading, id));
        Review.ALL.forEach(r -> headingToId.put(r.heading, r.id));

        HtsFootnotes footnotes = HtsFootnotes.read(data.path(FOOTNOTE_REVISION));
        Map<String, Set<String>> citedLists = new TreeMap<>();
        footnotes.byLine().forEach((line, headings) -> {
            if (line.length() >= 8) {
                for (String h : headings) {
                    String id = S301_HEADINGS.entrySet().stream().filter(e -> e.getValue().equals(h)).map(Map.Entry::getKey)
                            .findFirst().orElse(null);
                    if (id != null) {
                        citedLists.computeIfAbsent(line.substring(0, 8), k -> new TreeSet<>()).add(id);
                    }
                }
            }
        });
        Map<String, Set<String>> trackerLists = new TreeMap<>();
        List<String[]> rows = new ArrayList<>();
        for (CsvTable.Row row : table.rows()) {
            String id = trackerListToId.get(row.get("list"));
            if (id == null) {
                id = headingToId.get(row.get("ch99_code"));
            }
            if (id == null) {
                continue; // note 31(k)/(l) chassis and cranes from 10 Nov 2026: outside the reviewed horizon
            }
            rows.add(new String[]{row.get("hts8"), id, row.get("ch99_code")});
            trackerLists.computeIfAbsent(row.get("hts8"), k -> new TreeSet<>()).add(id);
        }
        Map<String, Set<String>> keep = new TreeMap<>();
        trackerLists.forEach((hts8, ids) -> {
            List<String> active = ONE_LIST_PER_SUBHEADING.stream().filter(ids::contains).toList();
            if (active.size() > 1 && !hts8.startsWith("98")) {
                Set<String> cited = citedLists.getOrDefault(hts8, Set.of());
                Set<String> kept = new TreeSet<>(active.stream().filter(cited::contains).toList());
                keep.put(hts8, kept.isEmpty() ? Set.of(active.get(0)) : kept);
            }
        });
        for (String[] row : rows) {
            String hts8 = row[0];
            String id = row[1];
            if (keep.containsKey(hts8) && ONE_LIST_PER_SUBHEADING.contains(id) && !keep.get(hts8).contains(id)) {
                droppedDuplicates.add(new Disagreement(hts8, id, String.join(" ", keep.get(hts8)),
                        "the tracker file also lists it under " + row[2] + "; one Section 301 list per subheading"));
                continue;
            }
            Set<String> cited = citedLists.get(hts8);
            // A subheading split between lists at the 10-digit level sits on each of them; it moves only when the HTS
            // cites a list the tracker has it on nowhere. Chapter 98 value-added provisions are on every list.
            if (S301_HEADINGS.containsKey(id) && cited != null && !cited.contains(id) && !hts8.startsWith("98")
                    && cited.stream().noneMatch(c -> trackerLists.get(hts8).contains(c))) {
                String htsId = cited.iterator().next();
                disagreements.add(new Disagreement(hts8, id, htsId, "HTS " + FOOTNOTE_REVISION + " footnote cites "
                        + S301_HEADINGS.get(htsId) + ", the tracker file lists it under " + row[2]));
                id = htsId;
            }
            byId.get(id).add(hts8);
        }
        // Lines the HTS footnotes put on a list that the tracker file does not: the HTS wins.
        citedLists.forEach((hts8, ids) -> {
            for (String id : ids) {
                if (!hts8.startsWith("99") && !byId.get(id).contains(hts8)) {
                    disagreements.add(new Disagreement(hts8, "(none)", id, "HTS footnote cites " + S301_HEADINGS.get(id)
                            + ", the tracker file does not list it there"));
                    byId.get(id).add(hts8);
                }
            }
        });
        // The 2024 four-year review raised the rate of listed goods: from its date the review heading applies in lieu
        // of the List 1-4A heading, so the list entry it covers ends the day before.
        for (Review review : Review.ALL) {
            for (ProductList.Entry raised : byId.get(review.id).list()) {
                for (String id : S301_HEADINGS.keySet()) {
                    byId.get(id).endCovered(raised.hsPrefix(), review.from);
                }
            }
        }
        List<ProductList> lists = new ArrayList<>();
        String provenance = data.provenance(S301_LISTS) + "; " + data.provenance(FOOTNOTE_REVISION);
        for (String id : List.of("s301-list-1", "s301-list-2", "s301-list-3", "s301-list-3-addl", "s301-list-4a", "s301-list-4b")) {
            lists.add(new ProductList(id, listTitle(id), "Section 301 of the Trade Act of 1974: USTR action on China, HTSUS note 20",
                    S301_HEADINGS.get(id), USTR_301, provenance, COMMAND, byId.get(id).list()));
        }
        for (Review review : Review.ALL) {
            lists.add(new ProductList(review.id, review.title, "USTR four-year review modifications (89 FR 76581); HTSUS note 31",
                    review.heading, USTR_301, provenance, COMMAND, byId.get(review.id).list()));
        }
        lists.add(exclusions());
        return lists;
    }

    private static String listTitle(String id) {
        return switch (id) {
            case "s301-list-1" -> "Section 301 List 1 (note 20(b))";
            case "s301-list-2" -> "Section 301 List 2 (note 20(d))";
            case "s301-list-3" -> "Section 301 List 3 (note 20(f))";
            case "s301-list-3-addl" -> "Section 301 List 3, further products (note 20(g))";
            case "s301-list-4a" -> "Section 301 List 4A (note 20(s))";
            case "s301-list-4b" -> "Section 301 List 4B (note 20(u); suspended, never in force)";
            default -> id;
        };
    }

    /** The 2024 four-year-review headings of note 31 and the day each took effect. */
    private record Review(String id, String heading, LocalDate from, String title) {
        static final List<Review> ALL = List.of(
                new Review("s301-review-2024-25", "9903.91.01", LocalDate.of(2024, 9, 27), "Section 301 four-year review, +25% from 27 Sep 2024 (note 31(b))"),
                new Review("s301-review-2024-50", "9903.91.02", LocalDate.of(2024, 9, 27), "Section 301 four-year review, +50% from 27 Sep 2024 (note 31(c))"),
                new Review("s301-review-2024-100", "9903.91.03", LocalDate.of(2024, 9, 27), "Section 301 four-year review, +100% from 27 Sep 2024 (note 31(d))"),
                new Review("s301-review-2025-50", "9903.91.05", LocalDate.of(2025, 1, 1), "Section 301 four-year review, +50% from 1 Jan 2025 (note 31(f))"),
                new Review("s301-review-2025-25", "9903.91.11", LocalDate.of(2025, 1, 1), "Section 301 four-year review, +25% from 1 Jan 2025 (heading 9903.91.11)"),
                new Review("s301-review-2026-25", "9903.91.06", LocalDate.of(2026, 1, 1), "Section 301 four-year review, +25% from 1 Jan 2026 (note 31(g))"),
                new Review("s301-review-2026-50", "9903.91.07", LocalDate.of(2026, 1, 1), "Section 301 four-year review, +50% from 1 Jan 2026 (note 31(h))"),
                new Review("s301-review-2026-100", "9903.91.08", LocalDate.of(2026, 1, 1), "Section 301 four-year review, +100% from 1 Jan 2026 (note 31(i))"),
                new Review("s301-cranes", "9903.92.10", LocalDate.of(2024, 9, 27), "Section 301 four-year review, ship-to-shore gantry cranes (subheading 9903.92.10)"));
    }

    private ProductList exclusions() {
        ListEntries entries = new ListEntries();
        for (CsvTable.Row row : data.table(S301_EXCLUSIONS).rows()) {
            switch (row.get("ch99_code")) {
                case "9903.88.69" -> entries.add(row.get("hts10"), LocalDate.of(2024, 6, 15), null);
                case "9903.88.70" -> entries.add(row.get("hts10"), LocalDate.of(2024, 1, 1), null);
                default -> { } // exclusions of other headings have expired (note 20 compiler's note: only (vvv), (www))
            }
        }
        return new ProductList("s301-exclusions", "Section 301 product exclusions in force (notes 20(vvv) and 20(www))",
                "USTR product exclusions, 9903.88.69 and 9903.88.70, through 9 Nov 2026", "9903.88.69",
                "https://www.mti-worldwide.com/current-events-worldwide-logistics-blog", data.provenance(S301_EXCLUSIONS),
                COMMAND, entries.list());
    }

    // ---- IEEPA ---------------------------------------------------------------------------------------------------

    /**
     * Annex II with its history: each provision from the day it was listed to the day before it was removed
     * (annex_ii_first_appearance.csv), each provision still listed taken as HTSUS 2026 Rev. 6 prints it (a 10-digit
     * line where the note prints one).
     */
    private ProductList annexII() {
        Set<String> printed = new TreeSet<>();
        for (CsvTable.Row row : data.table(ANNEX_II_REV6).rows()) {
            if (row.get("subdivision").equals("note 2(v)(iii)(a)")) {
                printed.add(row.get("hts_digits_only"));
            }
        }
        ListEntries entries = new ListEntries();
        for (CsvTable.Row row : data.table(ANNEX_II_HISTORY).rows()) {
            String prefix = row.get("prefix");
            LocalDate to = ListEntries.date(row.get("end_effective_date"));
            if (to == null && !printed.contains(prefix)) {
                String longer = printed.stream().filter(p -> p.startsWith(prefix)).findFirst().orElse(null);
                if (longer != null) {
                    disagreements.add(new Disagreement(prefix, "annex_ii_first_appearance.csv", longer,
                            "HTSUS Rev. 6 note 2(v)(iii)(a) prints " + longer));
                    entries.add(longer, ListEntries.date(row.get("first_effective_date")), null);
                    continue;
                }
            }
            entries.add(prefix, ListEntries.date(row.get("first_effective_date")), to);
        }
        return new ProductList("eo14257-annex-ii", "EO 14257 Annex II: goods excluded from the reciprocal duties (note 2(v)(iii)(a))",
                "EO 14257 Annex II (90 FR 15041) as amended (memo of 11 Apr 2025, EO 14346, EO of 14 Nov 2025, Proc. 10976)",
                "9903.01.32", "https://borderbuddy.com/trade-tariff-news/u-s-introduces-reciprocal-tariffs",
                data.provenance(ANNEX_II_HISTORY) + "; " + data.provenance(ANNEX_II_REV6), COMMAND, entries.list());
    }

    private ProductList brazilAnnexI() {
        ListEntries entries = new ListEntries();
        for (CsvTable.Row row : data.table(BRAZIL).rows()) {
            if (row.get("ch99_code").equals("9903.01.77") || row.get("ch99_code").isEmpty()) {
                entries.add(row.get("hts10"), ListEntries.date(row.get("effective_date_start")),
                        ListEntries.date(row.get("effective_date_end")));
            }
        }
        return new ProductList("brazil-annex-i", "EO 14323 Annex I: Brazilian goods excluded from the 40% duty (note 2(x)(iii))",
                "EO 14323 (30 Jul 2025), Annex I, as amended by the EO of 20 Nov 2025", "9903.01.77",
                "https://www.mondaq.com/unitedstates/international-trade-investment/1661550/administration-implements-40-ieepa-tariffs-on-brazil",
                data.provenance(BRAZIL), COMMAND, entries.list());
    }

    // ---- lists printed in the U.S. notes -------------------------------------------------------------------------

    private UsNoteText notes() {
        return new UsNoteText(UsNoteText.trimmed(data.lines(US_NOTES)));
    }

    private List<ProductList> fromNotes() {
        UsNoteText notes = notes();
        String provenance = data.provenance(US_NOTES);
        String timberSource = "https://borderbuddy.com/trade-tariff-news/u-s-tariffs-on-lumber-upholstered-furniture-cabinets-vanities-and-related-imports";
        String timberBasis = "Proc. 10976 (29 Sep 2025, 90 FR 48127); HTSUS note 37";
        return List.of(
                noteList("s232-autos", "Section 232 autos: passenger vehicles and light trucks (note 33(b))",
                        "Proc. 10908 (26 Mar 2025, 90 FR 14705); HTSUS note 33(b)", "9903.94.01",
                        "https://www.thompsonhinesmartrade.com/2025/04/annex-identifying-scope-of-automobile-and-automobile-parts-subject-to-section-232-tariffs-is-released/",
                        provenance, notes.provisions("(b) The rates of duty set forth in headings 9903.94.01,", "(c) Heading 9903.94.02")),
                noteList("s232-timber-lumber", "Section 232 timber: softwood timber and lumber (note 37(b))", timberBasis,
                        "9903.76.01", timberSource, provenance,
                        notes.provisions("(b) The rates of duty set forth in heading 9903.76.01", "(c) Heading 9903.76.02")),
                noteList("s232-timber-upholstered", "Section 232 timber: upholstered wooden furniture (note 37(d))", timberBasis,
                        "9903.76.02", timberSource, provenance,
                        notes.provisions("(d) The rates of duty set forth in headings 9903.76.02", "(e) Except for as provided by 9903.76.04")),
                noteList("s232-timber-cabinets", "Section 232 timber: kitchen cabinets, vanities and their parts (note 37(f))",
                        timberBasis, "9903.76.03", timberSource, provenance,
                        notes.provisions("(f) Except for as provided by 9903.76.04, the rates", "(g) Heading 9903.76.04")));
    }

    /**
     * From 6 Apr 2026 the copper list of old note 36(b) splits between the metals annexes (note 16(c)(v) and (viii)):
     * the chapter 74 lines are Annex I-A (50%), the 8544 cable lines Annex I-B (25%).
     */
    private static List<ProductList> copper2026(ProductList copper) {
        List<ProductList.Entry> ia = copper.entries().stream().filter(e -> e.hsPrefix().startsWith("74")).toList();
        List<ProductList.Entry> ib = copper.entries().stream().filter(e -> !e.hsPrefix().startsWith("74")).toList();
        String basis = "Proclamation of 2 Apr 2026 restructuring Section 232 steel, aluminium and copper; HTSUS note 16(c)";
        String source = "https://www.ashurstperkinscoie.com/en/insights/restructured-and-additional-section-232-tariffs-on-aluminum-steel-and-copper/";
        return List.of(
                new ProductList("s232-copper-2026-annex-i-a", "Section 232 copper from 6 Apr 2026, Annex I-A: chapter 74 lines of the copper list (note 16(c)(v))",
                        basis, "9903.82.02", source, copper.provenance(), COMMAND, ia),
                new ProductList("s232-copper-2026-annex-i-b", "Section 232 copper from 6 Apr 2026, Annex I-B: copper cable 8544.42/8544.49.10 (note 16(c)(viii))",
                        basis, "9903.82.09", source, copper.provenance(), COMMAND, ib));
    }

    private static ProductList noteList(String id, String title, String legalBasis, String heading, String source,
                                        String provenance, Set<String> codes) {
        ListEntries entries = new ListEntries();
        codes.forEach(entries::add);
        return new ProductList(id, title, legalBasis, heading, source, provenance, COMMAND, entries.list());
    }

    /**
     * The fentanyl-order carve-outs of Canada and Mexico, as the tracker maps them (its own mapping from Tariff-ETRs:
     * the HTSUS prints no list for 9903.01.13, which is defined by description and by the USGS critical-minerals list).
     */
    private ProductList carveOut(String id, String category, String title, String heading, String legalBasis) {
        ListEntries entries = new ListEntries();
        for (CsvTable.Row row : data.table(FENTANYL).rows()) {
            if (row.get("category").equals(category)) {
                entries.add(row.get("hts8"));
            }
        }
        return new ProductList(id, title, legalBasis, heading,
                "https://www.mondaq.com/unitedstates/oil-gas-electricity/1580086/trump-issues-executive-orders-imposing-tariffs-on-goods-from-canada-mexico-and-china",
                data.provenance(FENTANYL), COMMAND, entries.list());
    }

    /**
     * The goods the EU, Korea and Switzerland deals exempt from the reciprocal duty, as the tracker read them from
     * note 2(v). Conditional lists (civil-aircraft use under general note 6, non-patented pharmaceuticals) are flattened
     * by the tracker; the row's explanation says so. Japan's aircraft list (note 35(b)) is not used: the tracker's copy
     * holds 8 of about 550 lines.
     */
    private ProductList floor(String id, String category, String group, String heading, String title) {
        ListEntries entries = new ListEntries();
        for (CsvTable.Row row : data.table(FLOOR).rows()) {
            if (row.get("category").equals(category) && row.get("country_group").equals(group) && row.get("ch99_code").equals(heading)) {
                entries.add(row.get("hts8"));
            }
        }
        String basis = switch (group) {
            case "eu" -> "US-EU framework, FR notice of 25 Sep 2025; HTSUS note 2(v)(xx)-(xxiii)";
            case "korea" -> "US-Korea framework, FR notice of 4 Dec 2025; HTSUS note 2(v)(xxiv)";
            default -> "US-Switzerland/Liechtenstein framework, FR Doc 2025-23316 (18 Dec 2025); HTSUS note 2(v)(xxv)";
        };
        String source = switch (group) {
            case "eu" -> "https://www.chrobinson.ca/it-it/chrglobal/resources/insights-and-advisories/client-advisories/2025q3/09-26-2025-client-advisory-implementation-guidance-us-european-union-guidance";
            case "korea" -> "https://globaltaxnews.ey.com/news/2025-2566-ustr-issues-notice-implementing-new-trade-framework-between-the-united-states-switzerland-and-liechtenstein";
            default -> "https://globaltaxnews.ey.com/news/2025-2566-ustr-issues-notice-implementing-new-trade-framework-between-the-united-states-switzerland-and-liechtenstein";
        };
        return new ProductList(id, title, basis, heading, source, data.provenance(FLOOR), COMMAND, entries.list());
    }

    // ---- plain lists ---------------------------------------------------------------------------------------------

    private ProductList simple(String id, String title, String legalBasis, String heading, String source, String file,
                               String column, String headingFilter) {
        ListEntries entries = new ListEntries();
        for (CsvTable.Row row : data.table(file).rows()) {
            if (headingFilter == null || row.get("ch99_code").equals(headingFilter)) {
                entries.add(row.get(column));
            }
        }
        return new ProductList(id, title, legalBasis, heading, source, data.provenance(file), COMMAND, entries.list());
    }

    private static String csv(String value) {
        return value.contains(",") || value.contains("\"") ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
    }
}
