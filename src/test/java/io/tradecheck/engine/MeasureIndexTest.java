package io.tradecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.tradecheck.pack.MeasureTableReader;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The index finds exactly the rows a scan of every row would find, without scanning. */
class MeasureIndexTest {
    private static final String HEADER = String.join(",", MeasureTableReader.COLUMNS) + "\n";

    @Test
    void findsExactlyWhatAScanOfTheBundledPackFinds() {
        RuleSet ruleSet = new RulePackCompiler().compile(RulePackSource.fromDirectory(Path.of("rules")));
        List<MeasureRow> rows = ruleSet.rows().all();
        MeasureIndex index = new MeasureIndex(ruleSet.rows());
        List<String> countries = new ArrayList<>(new TreeSet<>(rows.stream()
                .flatMap(r -> Stream.of(r.origin(), r.exportCountry(), r.destination()))
                .flatMap(s -> Stream.concat(s.included().stream(), s.excluded().stream())).toList()));
        countries.add("BR");
        List<String> prefixes = rows.stream().map(MeasureRow::hsPrefix).distinct().toList();
        List<String> eccns = rows.stream().map(MeasureRow::eccn).filter(e -> e != null).distinct().toList();
        Random random = new Random(7);
        int withHits = 0;
        for (int i = 0; i < 20_000; i++) {
            Shipment s = randomShipment(random, countries, prefixes, eccns);
            List<Integer> expected = new ArrayList<>();
            for (int r = 0; r < rows.size(); r++) {
                if (scanMatches(rows.get(r), s)) {
                    expected.add(r);
                }
            }
            List<Integer> found = index.match(s).stream().map(MeasureHit::getIndex).toList();
            assertEquals(expected, found, () -> "shipment " + describe(s));
            withHits += expected.isEmpty() ? 0 : 1;
        }
        // The comparison means something only if most random shipments hit rows.
        assertEquals(true, withHits > 10_000, "shipments with hits: " + withHits);
    }

    @Test
    void exclusionsNamedCountriesPrefixesAndDateBoundsAreHonoured() {
        List<MeasureRow> rows = new MeasureTableReader(Map.of("EU", List.of("DE", "FR"))).read("t.csv", (HEADER
                + row("ANY-BUT-CA", "* !CA", "", "", "2025-03-01", "2025-03-31") + "\n"
                + row("EU-HEADING", "EU", "", "8703", "2025-03-01", "") + "\n"
                + row("TEN-DIGIT", "", "", "8703230190", "2025-03-01", "") + "\n"
                + row("VIA-HK", "CN", "HK", "", "2025-03-01", "") + "\n").getBytes(StandardCharsets.UTF_8), new ArrayList<>());
        MeasureIndex index = new MeasureIndex(new MeasureRows(rows));

        assertEquals(List.of("ANY-BUT-CA", "EU-HEADING", "TEN-DIGIT"), ids(index, "FR", null, "8703.23.01.90", "2025-03-01"));
        assertEquals(List.of("ANY-BUT-CA", "EU-HEADING"), ids(index, "DE", null, "8703.24", "2025-03-31"));
        assertEquals(List.of("EU-HEADING", "TEN-DIGIT"), ids(index, "FR", null, "8703230190", "2025-04-01"));
        assertEquals(List.of("TEN-DIGIT"), ids(index, "CA", null, "8703230190", "2025-03-15"));
        assertEquals(List.of(), ids(index, "FR", null, "8703230190", "2025-02-28"));
        assertEquals(List.of("ANY-BUT-CA", "VIA-HK"), ids(index, "CN", "HK", "0101", "2025-03-15"));
        assertEquals(List.of("ANY-BUT-CA"), ids(index, "CN", null, "0101", "2025-03-15"));
    }

    private static List<String> ids(MeasureIndex index, String origin, String exporter, String hs, String date) {
        return index.match(new Shipment(null, origin, exporter, "US", hs, null, BigDecimal.TEN, "USD", null,
                LocalDate.parse(date), null)).stream().map(MeasureHit::getMeasureId).toList();
    }

    private static String row(String id, String origin, String exporter, String hs, String from, String to) {
        return String.join(",", id, "FAM-" + id, "TARIFF", origin, exporter, "US", hs, "", "", "10", "", from, to, "",
                "title", "legal", "https://x.example/a", "why", "", "");
    }

    /** What a table row means, written out plainly, row by row: the reference the index must agree with. */
    private static boolean scanMatches(MeasureRow row, Shipment s) {
        return inScope(row.origin(), s.getOrigin()) && inScope(row.exportCountry(), s.getExportCountry())
                && inScope(row.destination(), s.getDestination())
                && (row.hsPrefix().isEmpty() || s.getHsCode().startsWith(row.hsPrefix()))
                && (row.eccn() == null || row.eccn().equals(s.getEccn()))
                && (row.claim() == null || ShipmentClaims.get(row.claim()).test(s))
                && !s.getEntryDate().isBefore(row.from()) && (row.to() == null || !s.getEntryDate().isAfter(row.to()));
    }

    private static boolean inScope(CountryScope scope, String country) {
        return (scope.included().isEmpty() || scope.included().contains(country)) && !scope.excluded().contains(country);
    }

    private static Shipment randomShipment(Random random, List<String> countries, List<String> prefixes, List<String> eccns) {
        String origin = pick(random, countries);
        String exporter = random.nextInt(4) == 0 ? pick(random, countries) : null;
        String destination = random.nextInt(5) == 0 ? "CN" : "US";
        StringBuilder hs = new StringBuilder(pick(random, prefixes));
        while (hs.length() < 10) {
            hs.append(random.nextInt(10));
        }
        String eccn = random.nextInt(5) == 0 ? pick(random, eccns) : null;
        LocalDate date = LocalDate.of(2024, 12, 1).plusDays(random.nextInt(760));
        Boolean[] tri = {null, Boolean.TRUE, Boolean.FALSE};
        BigDecimal[] shares = {null, BigDecimal.ZERO, new BigDecimal("0.1"), BigDecimal.TEN, new BigDecimal("15"),
                new BigDecimal("60"), new BigDecimal("100")};
        return new Shipment(null, origin, exporter, destination, hs.toString(), eccn,
                random.nextBoolean() ? new BigDecimal("800") : new BigDecimal("800.01"), random.nextBoolean() ? "USD" : "EUR",
                null, date, tri[random.nextInt(3)], shares[random.nextInt(shares.length)], tri[random.nextInt(3)],
                tri[random.nextInt(3)], shares[random.nextInt(shares.length)], tri[random.nextInt(3)]);
    }

    private static <T> T pick(Random random, List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static String describe(Shipment s) {
        return s.getOrigin() + "/" + s.getExportCountry() + "->" + s.getDestination() + " " + s.getHsCode() + " "
                + s.getEccn() + " " + s.getEntryDate();
    }
}
