package io.tradecheck.productlists;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradecheck.engine.ProductList;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Seeded random samples: subheadings drawn from each generated list, checked through the real engine for the list's
 * duty, and (for Section 301) cross-checked against the USITC HTS footnotes, which must cite the list's heading.
 */
class ProductListSampleTest {
    private static final int PER_LIST = 25;
    private static RuleSet ruleSet;
    private static Map<String, ProductList> lists;

    @BeforeAll
    static void compile() {
        ruleSet = new RulePackCompiler().compile(RulePackSource.fromDirectory(Path.of("rules")));
        lists = ruleSet.rows().lists();
    }

    @Test
    void goodsDrawnFromEachSection301ListOweThatListsDutyAndTheHtsFootnoteCitesIt() {
        Path data = ProductListGeneratorTest.sharedData();
        HtsFootnotes footnotes = data == null ? null : HtsFootnotes.read(data.resolve(ProductListGenerator.FOOTNOTE_REVISION));
        Map<String, String[]> expectations = Map.of( // list -> rule id, heading, entry date
                "s301-list-1", new String[]{"US-301-LIST-1", "9903.88.01", "2025-09-01"},
                "s301-list-2", new String[]{"US-301-LIST-2", "9903.88.02", "2025-09-01"},
                "s301-list-3", new String[]{"US-301-LIST-3", "9903.88.03", "2025-09-01"},
                "s301-list-4a", new String[]{"US-301-LIST-4A", "9903.88.15", "2025-09-01"},
                "s301-review-2024-25", new String[]{"US-301-2024-REVIEW", "9903.91.01", "2025-09-01"});
        Random random = new Random(20261201L);
        int checked = 0;
        List<String> wrong = new ArrayList<>();
        for (Map.Entry<String, String[]> e : new java.util.TreeMap<>(expectations).entrySet()) {
            LocalDate date = LocalDate.parse(e.getValue()[2]);
            List<ProductList.Entry> entries = lists.get(e.getKey()).entries().stream()
                    .filter(x -> (x.to() == null || !x.to().isBefore(date)) && !x.hsPrefix().startsWith("98"))
                    .filter(x -> !onAnotherTariffList(x.hsPrefix(), e.getKey(), date)).toList();
            for (int i = 0; i < PER_LIST; i++) {
                String hs = entries.get(random.nextInt(entries.size())).hsPrefix();
                Decision d = ruleSet.check(shipment("CN", hs, date));
                boolean charged = d.findings().stream().anyMatch(f -> f.ruleId().equals(e.getValue()[0])
                        && f.kind() == FindingKind.TARIFF && e.getValue()[1].equals(f.chapter99()));
                if (!charged) {
                    wrong.add(e.getKey() + " " + hs + ": " + d.findings().stream().map(Finding::ruleId).toList());
                }
                if (footnotes != null && hs.length() == 8 && !footnotes.subheadingsCiting(e.getValue()[1]).contains(hs)) {
                    wrong.add(e.getKey() + " " + hs + ": the HTS footnote does not cite " + e.getValue()[1]);
                }
                checked++;
            }
        }
        assertTrue(wrong.isEmpty(), checked + " samples, wrong: " + wrong);
    }

    @Test
    void goodsDrawnFromAnnexIIOweNoReciprocalDutyAndGoodsFromTheSection122AnnexNoSurcharge() {
        Random random = new Random(7L);
        List<String> wrong = new ArrayList<>();
        LocalDate annexDay = LocalDate.of(2025, 12, 1);
        List<ProductList.Entry> annex = lists.get("eo14257-annex-ii").entries().stream()
                .filter(x -> (x.from() == null || !x.from().isAfter(annexDay)) && (x.to() == null || !x.to().isBefore(annexDay))).toList();
        List<ProductList.Entry> s122 = lists.get("s122-annex-exempt").entries();
        for (int i = 0; i < 50; i++) {
            String hs = annex.get(random.nextInt(annex.size())).hsPrefix();
            Decision d = ruleSet.check(shipment("VN", hs, annexDay));
            // The 11 Apr 2025 electronics memo's own row names the same goods and is shown in place of Annex II.
            if (d.findings().stream().noneMatch(f -> f.ruleId().equals("US-RECIPROCAL-ANNEX-II")
                    || f.ruleId().equals("US-RECIPROCAL-ELECTRONICS-EXEMPTION"))
                    || d.findings().stream().anyMatch(f -> f.ruleId().startsWith("US-RECIPROCAL-") && f.kind() == FindingKind.TARIFF)) {
                wrong.add("annex II " + hs + ": " + d.findings().stream().map(Finding::ruleId).toList());
            }
            String exempt = s122.get(random.nextInt(s122.size())).hsPrefix();
            Decision s = ruleSet.check(shipment("VN", exempt, LocalDate.of(2026, 4, 1)));
            if (s.findings().stream().anyMatch(f -> f.ruleId().equals("US-SECTION-122"))) {
                wrong.add("s122 annex " + exempt + ": " + s.findings().stream().map(Finding::ruleId).toList());
            }
        }
        assertTrue(wrong.isEmpty(), "wrong: " + wrong);
    }

    /** A list, the findings that show its duty or exemption (any one of them), the origin and day to check. */
    private record Expectation(String list, Set<String> ruleIds, String origin, String date) {
    }

    @Test
    void goodsDrawnFromEachOtherListGetThatListsFinding() {
        Set<String> annexII = Set.of("US-RECIPROCAL-ANNEX-II", "US-RECIPROCAL-ELECTRONICS-EXEMPTION");
        List<Expectation> expectations = List.of(
                new Expectation("s232-autos", Set.of("US-232-AUTOS"), "KR", "2025-06-01"),
                new Expectation("s232-timber-lumber", Set.of("US-232-TIMBER"), "VN", "2025-12-01"),
                new Expectation("s232-timber-upholstered", Set.of("US-232-TIMBER"), "VN", "2025-12-01"),
                new Expectation("s232-timber-cabinets", Set.of("US-232-TIMBER"), "VN", "2025-12-01"),
                new Expectation("s232-copper-2025", Set.of("US-232-COPPER"), "CL", "2025-09-01"),
                new Expectation("s232-copper-2026-annex-i-a", Set.of("US-232-COPPER-2026"), "CL", "2026-05-01"),
                new Expectation("s232-copper-2026-annex-i-b", Set.of("US-232-COPPER-2026"), "CL", "2026-05-01"),
                new Expectation("s232-steel-articles", Set.of("US-232-STEEL"), "KR", "2025-09-01"),
                new Expectation("s232-steel-derivatives", Set.of("US-232-STEEL"), "KR", "2025-09-01"),
                // About 100 inclusions of 18 Aug 2025 are on the aluminium list too: charged once, as aluminium.
                new Expectation("s232-steel-derivatives-2025-08", Set.of("US-232-STEEL", "US-232-ALUMINUM"), "KR", "2025-09-01"),
                new Expectation("s232-aluminum-articles", Set.of("US-232-ALUMINUM"), "KR", "2025-09-01"),
                new Expectation("s232-aluminum-derivatives", Set.of("US-232-ALUMINUM"), "KR", "2025-09-01"),
                new Expectation("s232-aluminum-derivatives-other", Set.of("US-232-ALUMINUM"), "KR", "2025-09-01"),
                new Expectation("s232-steel-2026-annex-i-a", Set.of("US-232-STEEL-2026"), "KR", "2026-05-01"),
                new Expectation("s232-steel-2026-annex-i-b", Set.of("US-232-STEEL-2026"), "KR", "2026-05-01"),
                new Expectation("s232-steel-2026-annex-iii", Set.of("US-232-STEEL-2026"), "KR", "2026-05-01"),
                new Expectation("s232-aluminum-2026-annex-i-a", Set.of("US-232-ALUMINUM-2026"), "KR", "2026-05-01"),
                new Expectation("s232-aluminum-2026-annex-i-b", Set.of("US-232-ALUMINUM-2026"), "KR", "2026-05-01"),
                new Expectation("s232-aluminum-2026-annex-iii", Set.of("US-232-ALUMINUM-2026"), "KR", "2026-05-01"),
                // Without a metal share the whole article is taken as metal: the weight test does not lift the duty.
                new Expectation("s232-2026-weight-test", Set.of("US-232-STEEL-2026", "US-232-ALUMINUM-2026", "US-232-COPPER-2026"), "KR", "2026-05-01"),
                new Expectation("s232-auto-parts", Set.of("US-232-AUTO-PARTS"), "TH", "2025-06-01"),
                new Expectation("s232-auto-parts-end-use", Set.of("US-232-AUTO-PARTS-END-USE"), "TH", "2025-06-01"),
                // 8704.60.00 is on the autos list too (note 33(b)), chassis of 8706 on the auto-parts list (33(g)): the
                // auto duty is charged in lieu.
                new Expectation("s232-mhd-vehicles", Set.of("US-232-MHD", "US-232-AUTOS", "US-232-AUTO-PARTS"), "TH", "2025-12-01"),
                new Expectation("s232-mhd-buses", Set.of("US-232-BUSES"), "TH", "2025-12-01"),
                // A part on both parts lists is charged once, as an auto part (the HTS code cannot tell the vehicle).
                new Expectation("s232-mhd-parts", Set.of("US-232-MHD-PARTS", "US-232-AUTO-PARTS"), "TH", "2025-12-01"),
                new Expectation("s232-mhd-parts-end-use", Set.of("US-232-MHD-PARTS-END-USE"), "TH", "2025-12-01"),
                new Expectation("s232-semiconductors", Set.of("US-232-SEMICONDUCTORS-NOT-STATED"), "TW", "2026-02-01"),
                new Expectation("floor-jp-civil-aircraft", union(annexII, "US-RECIPROCAL-JP-CIVIL-AIRCRAFT"), "JP", "2025-10-01"),
                new Expectation("brazil-annex-i", Set.of("US-IEEPA-BR-ANNEX-I"), "BR", "2025-12-01"),
                new Expectation("fentanyl-ca-energy", Set.of("US-IEEPA-CA-ENERGY"), "CA", "2025-05-01"),
                new Expectation("fentanyl-ca-potash", Set.of("US-IEEPA-CA-POTASH"), "CA", "2025-05-01"),
                new Expectation("fentanyl-mx-potash", Set.of("US-IEEPA-MX-POTASH"), "MX", "2025-05-01"),
                new Expectation("s301-list-4b", Set.of("US-301-LIST-4B"), "CN", "2025-05-01"),
                new Expectation("floor-eu-natural-resources", union(annexII, "US-RECIPROCAL-EU-NATURAL-RESOURCES"), "DE", "2025-10-01"),
                new Expectation("floor-eu-pharma", union(annexII, "US-RECIPROCAL-EU-PHARMA"), "DE", "2025-10-01"),
                new Expectation("floor-eu-civil-aircraft", union(annexII, "US-RECIPROCAL-EU-CIVIL-AIRCRAFT"), "FR", "2025-10-01"),
                new Expectation("floor-kr-civil-aircraft", union(annexII, "US-RECIPROCAL-KR-CIVIL-AIRCRAFT"), "KR", "2025-12-01"),
                new Expectation("floor-ch-natural-resources", union(annexII, "US-RECIPROCAL-CH-NATURAL-RESOURCES"), "CH", "2025-12-01"),
                new Expectation("floor-ch-civil-aircraft", union(annexII, "US-RECIPROCAL-CH-CIVIL-AIRCRAFT"), "CH", "2025-12-01"),
                new Expectation("floor-ch-pharma", union(annexII, "US-RECIPROCAL-CH-PHARMA"), "CH", "2025-12-01"));
        Random random = new Random(31L);
        List<String> wrong = new ArrayList<>();
        int checked = 0;
        for (Expectation e : expectations) {
            LocalDate date = LocalDate.parse(e.date());
            List<ProductList.Entry> entries = lists.get(e.list()).entries().stream()
                    .filter(x -> (x.from() == null || !x.from().isAfter(date)) && (x.to() == null || !x.to().isBefore(date)))
                    .filter(x -> !e.list().startsWith("s232-steel") && !e.list().startsWith("s232-aluminum")
                            && !e.list().equals("s232-2026-weight-test") || !onList(x.hsPrefix(), VEHICLE_LISTS)).toList();
            for (int i = 0; i < Math.min(PER_LIST, entries.size() * 2); i++) {
                String hs = entries.get(random.nextInt(entries.size())).hsPrefix();
                Decision d = ruleSet.check(shipment(e.origin(), hs, date));
                if (d.findings().stream().noneMatch(f -> e.ruleIds().contains(f.ruleId()))) {
                    wrong.add(e.list() + " " + e.origin() + " " + hs + ": " + d.findings().stream().map(Finding::ruleId).toList());
                }
                checked++;
            }
        }
        assertTrue(wrong.isEmpty(), checked + " samples, wrong: " + wrong);
    }

    /** The 232 programs that take precedence over the metals duties (stacking-order.drl), by their lists. */
    private static final Set<String> VEHICLE_LISTS = Set.of("s232-autos", "s232-auto-parts", "s232-auto-parts-end-use",
            "s232-mhd-vehicles", "s232-mhd-buses", "s232-mhd-parts", "s232-mhd-parts-end-use", "s232-semiconductors");

    /** A metal entry that is also on a vehicle list gets the vehicle program's duty in lieu of the metals duty. */
    private static boolean onList(String prefix, Set<String> listIds) {
        return listIds.stream().map(lists::get).filter(java.util.Objects::nonNull).flatMap(l -> l.entries().stream())
                .anyMatch(x -> x.hsPrefix().startsWith(prefix) || prefix.startsWith(x.hsPrefix()));
    }

    private static Set<String> union(Set<String> a, String b) {
        Set<String> all = new java.util.HashSet<>(a);
        all.add(b);
        return all;
    }

    private static final Set<String> TARIFF_LISTS = Set.of("s301-list-1", "s301-list-2", "s301-list-3", "s301-list-3-addl",
            "s301-list-4a", "s301-review-2024-25", "s301-review-2024-50", "s301-review-2024-100", "s301-review-2025-50",
            "s301-review-2025-25", "s301-review-2026-25", "s301-review-2026-50", "s301-review-2026-100", "s301-cranes");

    /** A code on two tariff lists (split at the 10-digit level, or raised by the review) has no single list duty. */
    private static boolean onAnotherTariffList(String prefix, String listId, LocalDate date) {
        return TARIFF_LISTS.stream().filter(id -> !id.equals(listId)).map(lists::get)
                .flatMap(l -> l.entries().stream())
                .anyMatch(x -> (x.hsPrefix().startsWith(prefix) || prefix.startsWith(x.hsPrefix()))
                        && (x.to() == null || !x.to().isBefore(date)));
    }

    private static Shipment shipment(String origin, String hs, LocalDate date) {
        StringBuilder code = new StringBuilder(hs);
        while (code.length() < 10) {
            code.append('0');
        }
        return new Shipment(null, origin, null, "US", code.toString(), null, BigDecimal.valueOf(10000), "USD", null, date, null);
    }
}
