package io.tradecheck.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Three revisions cut from the real exports (src/test/resources/hts/README.md), imported in turn. */
class HtsImporterTest {
    static final Path FIXTURES = Path.of("src/test/resources/hts");
    static final String[] FILES = {"hts_2025_basic.json", "hts_2025_rev_4.json.gz", "hts_2026_basic.json"};

    static List<HtsRow> rows;
    static List<Nomenclature.Revision> revisions;
    static TariffSchedule schedule;

    @BeforeAll
    static void importAll() throws IOException {
        RevisionDates dates = RevisionDates.read(FIXTURES.resolve("revision_dates.csv"));
        rows = List.of();
        revisions = List.of();
        for (String file : FILES) {
            HtsImporter.Merged merged = mergeFile(file, dates, rows, revisions);
            rows = merged.rows();
            revisions = merged.revisions();
        }
        schedule = TariffSchedule.of(rows, revisions);
    }

    static HtsImporter.Merged mergeFile(String file, RevisionDates dates, List<HtsRow> rows,
                                        List<Nomenclature.Revision> revisions) throws IOException {
        HtsImporter.Export export = HtsImporter.read(FIXTURES.resolve(file));
        String name = RevisionDates.revisionOf(file);
        return HtsImporter.merge(rows, revisions, new Nomenclature.Revision(name, dates.effectiveDate(name), file,
                export.sha256(), export.rows().size()), export.rows());
    }

    private static List<HtsRow> rowsOf(String code) {
        return rows.stream().filter(r -> r.code().equals(code) && !r.header()).sorted(HtsRow.ORDER).toList();
    }

    @Test
    void revisionsAreNamedFromTheFileAndDatedFromTheDatesFile() {
        assertEquals(List.of("2025_basic", "2025_rev_4", "2026_basic"),
                revisions.stream().map(Nomenclature.Revision::name).toList());
        assertEquals(LocalDate.of(2025, 3, 4), revisions.get(1).effectiveDate());
    }

    @Test
    void aLineStatedTheSameWayWithAndWithoutHtmlMarkupKeepsOneInterval() {
        List<HtsRow> camels = rowsOf("0208.60.00.00");
        assertEquals(1, camels.size(), "2025 Rev 4 writes <i>Camelidae</i>; the other two do not");
        assertEquals("Of camels and other camelids (Camelidae)", camels.get(0).content().description());
        assertNull(camels.get(0).to());
    }

    @Test
    void aChangedLineIsClosedTheDayBeforeTheRevisionThatChangesIt() {
        List<HtsRow> beef = rowsOf("0201.10.50");
        assertEquals(2, beef.size());
        assertEquals(LocalDate.of(2025, 12, 31), beef.get(0).to());
        assertEquals(LocalDate.of(2026, 1, 1), beef.get(1).from());
        assertTrue(beef.get(0).content().special().contains("(KR)"), "2025: KR has a rate of its own");
    }

    @Test
    void textHeadersAreKeptUnderTheNextLineAndFootnotesBecomeChapter99References() {
        HtsRow horses = rows.stream().filter(r -> r.header() && r.code().equals("0101.21.00")).findFirst().orElseThrow();
        assertEquals("Horses:", horses.content().description());
        assertEquals("9903.88.15", rowsOf("0101.21.00").get(0).content().ch99());
    }

    @Test
    void aStatisticalLineInheritsTheRatesAndReferencesOfItsSubheading() {
        HtsLine tees = schedule.line("6109100012", LocalDate.of(2025, 7, 1));
        assertEquals("6109.10.00", tees.rateLine());
        assertEquals(new BigDecimal("16.5"), tees.generalRate().adValorem());
        assertEquals(List.of("9903.88.15"), tees.ch99());
        assertEquals("Of cotton", tees.descriptionPath().get(1));
        assertEquals("2025_basic", tees.revision());
    }

    @Test
    void specialRatesFollowTheDate() {
        assertEquals(new BigDecimal("1.7"), SpecialRates.find(schedule.line("0201.10.50", LocalDate.of(2025, 6, 1))
                .specialRates(), "KR").rate().adValorem());
        assertTrue(SpecialRates.find(schedule.line("0201.10.50", LocalDate.of(2026, 6, 1)).specialRates(), "KR")
                .rate().isFree());
    }

    @Test
    void anEightDigitCodeFindsTheLineUsitcMergedWithItsOnlySuffix() {
        HtsLine laptops = schedule.line("8471.30.01", LocalDate.of(2025, 7, 1));
        assertNotNull(laptops);
        assertEquals("8471.30.01.00", laptops.code());
        assertNull(schedule.line("8471.30.00", LocalDate.of(2025, 7, 1)));
        assertEquals("8471.30.01.00", schedule.nearest("8471.30.00", LocalDate.of(2025, 7, 1), 3).get(0).code());
        assertNull(schedule.line("6109.10.00.12", LocalDate.of(2024, 12, 31)), "before the first revision");
    }

    @Test
    void importingTheSameRevisionAgainChangesNothingAndAnEarlierOneIsRefused() throws IOException {
        RevisionDates dates = RevisionDates.read(FIXTURES.resolve("revision_dates.csv"));
        HtsImporter.Merged again = mergeFile("hts_2026_basic.json", dates, rows, revisions);
        assertSame(rows, again.rows());
        IllegalArgumentException earlier = assertThrows(IllegalArgumentException.class, () -> HtsImporter.merge(rows,
                revisions, new Nomenclature.Revision("2025_rev_9", LocalDate.of(2025, 4, 5), "x", "y", 0), List.of()));
        assertTrue(earlier.getMessage().contains("date order"));
    }

    @Test
    void theFilesReadBackToTheSameRowsAndSchedule() {
        Map<String, byte[]> files = Nomenclature.write(rows, revisions);
        List<HtsRow> read = new ArrayList<>();
        files.forEach((path, content) -> {
            if (!path.equals(Nomenclature.REVISIONS_FILE)) {
                read.addAll(Nomenclature.readRows(path, content));
            }
        });
        assertEquals(rows.stream().sorted(HtsRow.ORDER).toList(), read);
        assertEquals(revisions, Nomenclature.readRevisions(files.get(Nomenclature.REVISIONS_FILE)));
        assertEquals(schedule.size(), TariffSchedule.of(files).size());
    }

    @Test
    void aHandEditedRateThatNoLongerMatchesItsParsedColumnsIsAProblemWithFileAndLine() {
        Map<String, byte[]> files = Nomenclature.write(rows, revisions);
        String chapter = new String(files.get("hts/chapter-61.csv"), java.nio.charset.StandardCharsets.UTF_8);
        byte[] edited = chapter.replace(",16.5%,16.5,", ",17%,16.5,").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        Nomenclature.FormatException e = assertThrows(Nomenclature.FormatException.class,
                () -> Nomenclature.readRows("hts/chapter-61.csv", edited));
        assertEquals("hts/chapter-61.csv", e.file());
        assertTrue(e.line() > 1);
        assertTrue(e.getMessage().contains("17%"), e.getMessage());
    }
}
