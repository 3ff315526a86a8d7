package io.tradecheck.reciprocal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.tradecheck.pack.CsvTable;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The generated reciprocal country rates are what the generator makes from shared/data, and the hand-written country
 * rows of rules/us-import/reciprocal.csv agree with the same USITC headings. Skipped, with a message, when the shared
 * data folder is not beside the checkout (-Dtradecheck.sharedData names it).
 */
class ReciprocalCountryRatesTest {
    private static final Path RULES = Path.of("rules");

    static Path sharedData() {
        String configured = System.getProperty("tradecheck.sharedData");
        for (Path candidate : configured != null ? List.of(Path.of(configured))
                : List.of(Path.of("../shared/data"), Path.of("../../shared/data"))) {
            if (Files.isDirectory(candidate.resolve("reciprocal"))) {
                return candidate;
            }
        }
        return null;
    }

    @Test
    void theCommittedTableAndScenariosAreExactlyAFreshGeneratorRun() throws IOException {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: generated rates not compared");
        ReciprocalCountryRates rates = new ReciprocalCountryRates(data, RULES);
        assertEquals(rates.table(), Files.readString(RULES.resolve(ReciprocalCountryRates.TABLE)),
                "rules/" + ReciprocalCountryRates.TABLE + " differs from a fresh run: " + ReciprocalCountryRates.COMMAND);
        assertEquals(rates.scenarios(), Files.readString(RULES.resolve(ReciprocalCountryRates.SCENARIOS)),
                "rules/" + ReciprocalCountryRates.SCENARIOS + " differs from a fresh run: " + ReciprocalCountryRates.COMMAND);
    }

    @Test
    void everyHandWrittenAprilAndAugustCountryRateEqualsItsUsitcHeading() throws IOException {
        Path data = sharedData();
        assumeTrue(data != null, "shared data folder (../shared/data) not found: hand-written rates not cross-checked");
        ReciprocalCountryRates rates = new ReciprocalCountryRates(data, RULES);
        Map<String, ReciprocalCountryRates.CountryRate> april = byCode(rates.annexI());
        Map<String, ReciprocalCountryRates.CountryRate> august = byCode(rates.eo14326());
        List<String> checked = new ArrayList<>();
        for (CsvTable.Row row : CsvTable.parse(Files.readAllBytes(RULES.resolve("us-import/reciprocal.csv"))).rows()) {
            String id = row.get("measureId");
            String origin = row.get("origin");
            if (row.get("rate").isEmpty() || !origin.matches("[A-Z]{2}")) {
                continue;
            }
            Map<String, ReciprocalCountryRates.CountryRate> source = id.endsWith("-APRIL") || id.endsWith("-APRIL-PAUSE")
                    ? april : id.endsWith("-AUG") ? august : null;
            if (source == null) {
                continue;
            }
            ReciprocalCountryRates.CountryRate usitc = source.get(origin);
            assertTrue(usitc != null, id + ": " + origin + " has no USITC heading");
            assertEquals(0, usitc.rate().compareTo(new BigDecimal(row.get("rate"))),
                    id + " (line " + row.line() + ") charges " + row.get("rate") + "%, USITC " + usitc.heading() + " says "
                            + usitc.rate() + "%");
            checked.add(id);
        }
        assertTrue(checked.size() >= 20, "hand-written country rates cross-checked: " + checked);
    }

    @Test
    void aDealThatStartsLaterClipsTheGeneratedRowAndOneInForceOnTheFirstDayReplacesIt() {
        List<ReciprocalCountryRates.HandWritten> hand = List.of(
                new ReciprocalCountryRates.HandWritten(Set.of("CH", "LI"), LocalDate.of(2025, 11, 14), LocalDate.of(2026, 2, 23)),
                new ReciprocalCountryRates.HandWritten(Set.of("VN"), LocalDate.of(2025, 8, 7), LocalDate.of(2026, 2, 23)));
        LocalDate start = LocalDate.of(2025, 8, 7);
        LocalDate end = LocalDate.of(2026, 2, 23);
        assertEquals(LocalDate.of(2025, 11, 13), ReciprocalCountryRates.lastDay(hand, "LI", start, end));
        assertNull(ReciprocalCountryRates.lastDay(hand, "VN", start, end));
        assertEquals(end, ReciprocalCountryRates.lastDay(hand, "ZA", start, end));
    }

    @Test
    void countryNamesAsUsitcPrintsThemMapToIsoCodesAndAnUnknownNameStopsTheRun() {
        assertEquals("CI", ReciprocalCountryRates.code("Côte D’Ivoire"));
        assertEquals("CI", ReciprocalCountryRates.code("Côte d`Ivoire"));
        assertEquals("CD", ReciprocalCountryRates.code("Democratic Republic of the Congo"));
        assertEquals("ZA", ReciprocalCountryRates.code("South Africa"));
        assertEquals("CHINA_HK_MO", ReciprocalCountryRates.code("China, including Hong Kong and Macau"));
        assertThrows(IllegalArgumentException.class, () -> ReciprocalCountryRates.code("Atlantis"));
    }

    private static Map<String, ReciprocalCountryRates.CountryRate> byCode(List<ReciprocalCountryRates.CountryRate> rates) {
        return rates.stream().collect(Collectors.toMap(ReciprocalCountryRates.CountryRate::code, Function.identity()));
    }
}
