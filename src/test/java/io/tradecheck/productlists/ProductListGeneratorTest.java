package io.tradecheck.productlists;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradecheck.engine.ProductList;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed rules/lists/ are exactly what the generator makes from shared/data, and the generator is deterministic.
 * Skipped, with a message, when the shared data folder is not beside the checkout.
 */
class ProductListGeneratorTest {

    /** ../shared/data beside the repository, or two levels up for a worktree under wt/; -Dtradecheck.sharedData wins. */
    static Path sharedData() {
        String configured = System.getProperty("tradecheck.sharedData");
        for (Path candidate : configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("../shared/data"), Path.of("../../shared/data"))) {
            if (Files.isDirectory(candidate.resolve("product-lists"))) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void theCommittedListsAreWhatTheGeneratorMakesFromTheSharedData() throws IOException {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: committed lists not compared with a fresh run");
        ProductListGenerator generator = new ProductListGenerator(data);
        Map<String, String> generated = ProductListGenerator.render(generator.generate());
        Map<String, String> committed = new TreeMap<>();
        try (Stream<Path> files = Files.list(Path.of("rules/lists"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".csv")).toList()) {
                committed.put(f.getFileName().toString(), Files.readString(f, StandardCharsets.UTF_8));
            }
        }
        assertEquals(new TreeSet<>(generated.keySet()), committed.keySet(),
                "list files: run '" + ProductListGenerator.COMMAND + "'");
        for (Map.Entry<String, String> f : generated.entrySet()) {
            assertEquals(f.getValue(), committed.get(f.getKey()),
                    "rules/lists/" + f.getKey() + " differs from a fresh run of '" + ProductListGenerator.COMMAND + "'");
        }
        assertEquals(generated, ProductListGenerator.render(generator.generate()), "two runs give the same bytes");
    }

    @Test
    void whereTheHtsFootnotesAndATrackerListDisagreeTheHtsWinsAndTheCountIsReported() {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: footnote reconciliation not checked");
        ProductListGenerator generator = new ProductListGenerator(data);
        List<ProductList> lists = generator.generate();
        List<ProductListGenerator.Disagreement> s301 = generator.disagreements().stream()
                .filter(d -> d.listFile().startsWith("s301") || d.listFile().equals("(none)")).toList();
        System.out.println("Section 301 list entries the HTS footnotes (" + ProductListGenerator.FOOTNOTE_REVISION
                + ") moved or added: " + s301.size() + " " + s301);
        // The data README's cross-check: every footnoted line is on the same list except 8507.60.00 (HTS: 4A; file: 4B).
        assertEquals(List.of("85076000"), s301.stream().map(ProductListGenerator.Disagreement::hts8).toList());
        ProductList list4a = lists.stream().filter(l -> l.id().equals("s301-list-4a")).findFirst().orElseThrow();
        ProductList list4b = lists.stream().filter(l -> l.id().equals("s301-list-4b")).findFirst().orElseThrow();
        assertTrue(list4a.entries().stream().anyMatch(e -> e.hsPrefix().equals("85076000")));
        assertTrue(list4b.entries().stream().noneMatch(e -> e.hsPrefix().equals("85076000")));
    }

    @Test
    void aSubheadingIsOnOneOfSection301Lists1To4AOnlyAsTheNotesEnumerateThem() {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: Section 301 list overlap not checked");
        ProductListGenerator generator = new ProductListGenerator(data);
        List<ProductList> lists = generator.generate();
        java.util.Map<String, List<String>> listsOf = new java.util.TreeMap<>();
        for (ProductList list : lists) {
            if (List.of("s301-list-1", "s301-list-2", "s301-list-3", "s301-list-3-addl", "s301-list-4a").contains(list.id())) {
                list.entries().forEach(e -> listsOf.computeIfAbsent(e.hsPrefix(), k -> new java.util.ArrayList<>()).add(list.id()));
            }
        }
        List<String> onSeveral = listsOf.entrySet().stream().filter(e -> e.getValue().size() > 1 && !e.getKey().startsWith("98"))
                .map(e -> e.getKey() + "=" + e.getValue()).toList();
        System.out.println("Section 301 entries left out because the subheading is on another list (tracker file): "
                + generator.droppedDuplicates().size() + "; on several lists still (HTS footnotes cite several): " + onSeveral);
        // Note 20(d) enumerates 3906.90.20 (List 2) and 20(f) does not; the tracker file had it on List 3 too.
        assertEquals(List.of("s301-list-2"), listsOf.get("39069020"));
        // Note 20(b) enumerates 8402.90.00 (List 1) only.
        assertEquals(List.of("s301-list-1"), listsOf.get("84029000"));
        assertTrue(generator.droppedDuplicates().size() > 0);
        assertTrue(onSeveral.size() < 10, onSeveral.toString());
    }

    @Test
    void theSteelAndAluminiumListsFollowTheNoteTextWhereTheTrackerDiffersAndEachDifferenceIsCounted() {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: metal list reconciliation not checked");
        ProductListGenerator generator = new ProductListGenerator(data);
        List<ProductList> lists = generator.generate();
        List<ProductListGenerator.Disagreement> metals = generator.disagreements().stream()
                .filter(d -> !d.listFile().startsWith("s301") && !d.listFile().equals("(none)")
                        && !d.listFile().startsWith("annex_ii")).toList();
        System.out.println("Section 232 metal list entries where the note text and the tracker differ (the note wins): "
                + metals.size() + " " + metals);
        // The tracker cut the 10-digit provision 3004.90.92.44 of the 18 Aug 2025 inclusions to all of 3004.90.92.
        ProductList steelInclusions = byId(lists, "s232-steel-derivatives-2025-08");
        assertTrue(steelInclusions.entries().stream().anyMatch(e -> e.hsPrefix().equals("3004909244")));
        assertTrue(steelInclusions.entries().stream().noneMatch(e -> e.hsPrefix().equals("30049092")));
        assertTrue(metals.stream().anyMatch(d -> d.hts8().equals("30049092") && d.listHts().equals("3004909244")));
        // Note 16(c) prints 42 provisions for aluminium and for steel or copper in the same annex: charged once.
        assertEquals(42, metals.stream().filter(d -> d.listFile().startsWith("note 16(c) I")).count());
        assertTrue(byId(lists, "s232-steel-2026-annex-i-b").entries().stream().anyMatch(e -> e.hsPrefix().equals("84181000")));
        assertTrue(byId(lists, "s232-aluminum-2026-annex-i-b").entries().stream().noneMatch(e -> e.hsPrefix().equals("84181000")));
        // The copper lists (old note 36(b)) are exactly the copper lines of note 16(c)(v) and (viii).
        assertEquals(List.of(), metals.stream().filter(d -> d.detail().contains("the copper list")).toList());
        // Annex I-A starts at 7206: pig iron, ferro-alloys, DRI, scrap and granules (7201-7205) are on no list.
        assertTrue(byId(lists, "s232-steel-2026-annex-i-a").entries().stream().noneMatch(e -> e.hsPrefix().compareTo("7206") < 0
                && e.hsPrefix().startsWith("720")));
    }

    @Test
    void thePharmaListHoldsThe131Hts10OfNote40cAndThePolysiliconListOnlyTheWafersCellsAndModulesOfNote42() {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: pharma and polysilicon lists not checked");
        List<ProductList> lists = new ProductListGenerator(data).generate();
        List<String> pharma = byId(lists, "s232-pharma").entries().stream().map(ProductList.Entry::hsPrefix).toList();
        assertEquals(131, pharma.size(), "note 40(c) lists 131 HTS10 provisions");
        assertTrue(pharma.stream().allMatch(p -> p.length() == 10), "every note 40(c) provision is a statistical line");
        assertTrue(pharma.contains("3002150011"), "monoclonal antibodies of 3002.15.00.11 are listed");
        assertTrue(pharma.stream().noneMatch(p -> p.startsWith("3004909203")), "acyclovir antivirals are not listed");
        List<String> polysilicon = byId(lists, "s232-polysilicon").entries().stream().map(ProductList.Entry::hsPrefix).toList();
        assertTrue(polysilicon.containsAll(List.of("3818000020", "854142", "854143")));
        assertTrue(polysilicon.stream().noneMatch(p -> p.startsWith("2804") || p.equals("3818000010")),
                "polysilicon itself owes the minimum import price only, and gallium arsenide wafers are outside note 42");
    }

    private static ProductList byId(List<ProductList> lists, String id) {
        return lists.stream().filter(l -> l.id().equals(id)).findFirst().orElseThrow();
    }
}
