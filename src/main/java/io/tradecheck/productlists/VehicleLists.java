package io.tradecheck.productlists;

import io.tradecheck.engine.ProductList;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The Section 232 lists of vehicle parts, medium/heavy-duty vehicles and semiconductors printed in the U.S. notes of
 * HTSUS 2026 Rev. 6, and Japan's civil-aircraft list (note 35(b)).
 *
 * <p>Notes 33(g) (auto parts) and 38(i) (MHD parts) apply to "parts of" the vehicles "classifiable in" the provisions
 * they list, and some provisions are general-purpose goods: 8471 (computers), 8507.60 (lithium-ion batteries), bearings,
 * electric motors. Each parts list is therefore split by what the schedule's own description says: a provision whose
 * description path names a vehicle ("of a kind used for motor vehicles", "of a kind used on motor cars", "vehicles of
 * heading 8701 to 8705", ...) is a part by its classification; any other is one only by its end use, which the request
 * must state (list {@code ...-end-use}).
 */
final class VehicleLists {
    /** The HTS revision whose descriptions decide which listed provisions are vehicle parts by classification. */
    static final String DESCRIPTION_REVISION = "usitc-hts/hts_2026_rev_6.json.gz";
    private static final Pattern VEHICLE = Pattern.compile("(?i)vehicle|motor car|automobile|automotive|tractor|\\bbus|truck");

    private final TrackerData data;
    private final UsNoteText notes;
    private final String notesProvenance;

    VehicleLists(TrackerData data, UsNoteText notes, String notesProvenance) {
        this.data = data;
        this.notes = notes;
        this.notesProvenance = notesProvenance;
    }

    List<ProductList> lists() {
        HtsDescriptions descriptions = HtsDescriptions.read(data.path(DESCRIPTION_REVISION));
        String provenance = notesProvenance + "; " + data.provenance(DESCRIPTION_REVISION);
        String autoBasis = "Proc. 10908 (26 Mar 2025, 90 FR 14705), Annex I as amended; HTSUS note 33(g)";
        String autoSource = "https://www.thompsonhinesmartrade.com/2025/04/annex-identifying-scope-of-automobile-and-automobile-parts-subject-to-section-232-tariffs-is-released/";
        String mhdBasis = "Proc. 10984 (17 Oct 2025); HTSUS note 38";
        String mhdSource = "https://www.aacb.com/trade-tariff-news/section-232-duties-on-medium--and-heavy-duty-vehicles-mhdvs-medium--and-heavy-duty-vehicle-parts-mhdvps";
        List<ProductList> lists = new ArrayList<>();
        Set<String> autoParts = notes.columnProvisions("(g) Subject to a manufacturer's import adjustment", "(h) Heading 9903.94.06");
        lists.add(list("s232-auto-parts", "Section 232 auto parts: provisions of note 33(g) whose HTS description names a vehicle",
                autoBasis, "9903.94.05", autoSource, provenance, byDescription(autoParts, descriptions, true)));
        lists.add(list("s232-auto-parts-end-use", "Section 232 auto parts: provisions of note 33(g) that are parts of passenger "
                        + "vehicles or light trucks only by their end use (e.g. 8471 computers, 8507.60 lithium-ion batteries, bearings, motors)",
                autoBasis, "9903.94.05", autoSource, provenance, byDescription(autoParts, descriptions, false)));
        lists.add(list("s232-mhd-vehicles", "Section 232 medium- and heavy-duty vehicles (note 38(b))", mhdBasis, "9903.74.01",
                mhdSource, notesProvenance, all(notes.columnProvisions("(b) The rate of duty set forth in heading 9903.74.01",
                        "(c) Heading 9903.74.02 applies"))));
        lists.add(list("s232-mhd-buses", "Section 232 buses (note 38(c))", mhdBasis, "9903.74.02", mhdSource, notesProvenance,
                all(notes.columnProvisions("(c) Heading 9903.74.02 applies", "(d) Heading 9903.74.03 applies"))));
        Set<String> mhdParts = notes.columnProvisions("(i) The rates of duty set forth in heading 9903.74.08", "(j) Heading 9903.74.09 applies");
        lists.add(list("s232-mhd-parts", "Section 232 parts of medium- and heavy-duty vehicles: provisions of note 38(i) whose HTS description names a vehicle",
                mhdBasis, "9903.74.08", mhdSource, provenance, byDescription(mhdParts, descriptions, true)));
        lists.add(list("s232-mhd-parts-end-use", "Section 232 parts of medium- and heavy-duty vehicles: provisions of note 38(i) "
                        + "that are such parts only by their end use",
                mhdBasis, "9903.74.08", mhdSource, provenance, byDescription(mhdParts, descriptions, false)));
        lists.add(list("s232-semiconductors", "Section 232 semiconductors: provisions of note 39(b) (articles meeting the TPP and DRAM-bandwidth parameters)",
                "Proclamation of 14 Jan 2026 on semiconductors; HTSUS note 39(b)", "9903.79.01",
                "https://www.mti-worldwide.com/current-events-worldwide-logistics-blog/section-232-import-duties-on-semiconductors-and-their-derivative-products-guidance-csms-67400472",
                notesProvenance, all(notes.columnProvisions("(b) For the purposes of this note, \"semiconductor articles\"",
                        "To be included within the definition"))));
        lists.add(list("floor-jp-civil-aircraft", "Japan framework: civil aircraft, engines, parts and simulators exempt from the reciprocal duty (note 35(b), 9903.96.02)",
                "EO 14345 (4 Sep 2025, 90 FR 43535); 90 FR 44638; HTSUS note 35(b)", "9903.96.02",
                "https://www.govinfo.gov/content/pkg/FR-2025-09-16/html/2025-17908.htm", notesProvenance,
                all(notes.provisions("(b) As provided in heading 9903.96.02", "36. [Note deleted.]"))));
        return lists;
    }

    private static ListEntries byDescription(Set<String> provisions, HtsDescriptions descriptions, boolean namesAVehicle) {
        ListEntries entries = new ListEntries();
        for (String code : provisions) {
            if (VEHICLE.matcher(descriptions.text(code)).find() == namesAVehicle) {
                entries.add(code);
            }
        }
        return entries;
    }

    private static ListEntries all(Set<String> provisions) {
        ListEntries entries = new ListEntries();
        provisions.forEach(entries::add);
        return entries;
    }

    private static ProductList list(String id, String title, String basis, String heading, String source, String provenance,
                                    ListEntries entries) {
        return new ProductList(id, title, basis, heading, source, provenance, ProductListGenerator.COMMAND, entries.list());
    }
}
