package io.tradecheck.bench;

import io.tradecheck.pack.MeasureTableReader;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * How compile time and check latency grow with the number of table rows: the bundled pack plus a generated table of
 * N rows (HS-prefix x country x date-window tariffs, the shape a Section 301 list or a country-rate table has).
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec@bench -Dbench.main=io.tradecheck.bench.RulePackScaling -Dbench.args="0 10000 100000"}
 */
public final class RulePackScaling {
    private static final String[] COUNTRIES = Locale.getISOCountries();

    public static void main(String[] args) {
        io.tradecheck.cli.TradecheckCommand.quietLibraries();
        List<Integer> sizes = new ArrayList<>();
        for (String a : args) {
            sizes.add(Integer.parseInt(a));
        }
        if (sizes.isEmpty()) {
            sizes = List.of(0, 10_000, 100_000);
        }
        System.out.printf("%10s %12s %10s %14s %14s%n", "extraRows", "compile ms", "rules", "µs/check hit", "µs/check miss");
        for (int n : sizes) {
            RulePackSource bundled = RulePackSource.fromDirectory(Path.of(System.getProperty("rules", "rules")));
            List<RuleFile> files = new ArrayList<>(bundled.files());
            if (n > 0) {
                files.add(RulePackSource.file("generated-bench/rows.csv", table(n).getBytes(StandardCharsets.UTF_8)));
            }
            long t0 = System.nanoTime();
            RuleSet rules = new RulePackCompiler().compile(RulePackSource.of("bench", files));
            long compileMs = (System.nanoTime() - t0) / 1_000_000;
            // A shipment that a generated row matches, and one that only the bundled rows see.
            Shipment hit = new Shipment(null, COUNTRIES[7], null, "US", "0102030405", null, BigDecimal.TEN, "USD", null,
                    LocalDate.of(2025, 6, 1), null);
            Shipment miss = new Shipment(null, "CN", null, "US", "9506624040", null, BigDecimal.TEN, "USD", null,
                    LocalDate.of(2025, 6, 1), null);
            System.out.printf("%10d %12d %10d %14.2f %14.2f%n", n, compileMs, rules.info().counts().rules(),
                    micros(rules, hit), micros(rules, miss));
        }
    }

    private static double micros(RuleSet rules, Shipment s) {
        for (int i = 0; i < 100_000; i++) {
            rules.check(s);
        }
        int n = 200_000;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            rules.check(s);
        }
        return (System.nanoTime() - t) / 1e3 / n;
    }

    /** n rows; row 0 is the one the "hit" shipment matches (HS 010203, country index 7). */
    static String table(int n) {
        Random random = new Random(42);
        StringBuilder csv = new StringBuilder(n * 120);
        csv.append(String.join(",", MeasureTableReader.COLUMNS)).append('\n');
        for (int i = 0; i < n; i++) {
            String country = i == 0 ? COUNTRIES[7] : COUNTRIES[random.nextInt(COUNTRIES.length)];
            String hs = i == 0 ? "010203" : String.format("%06d", 10000 + random.nextInt(989_999));
            int year = 2025 + random.nextInt(2);
            csv.append("SYN-").append(i).append(",SYN-").append(i % 500).append(",TARIFF,").append(country)
                    .append(",,US,").append(hs).append(",,,").append(1 + random.nextInt(50)).append(",,")
                    .append(i == 0 ? "2025-01-01" : year + "-01-01").append(',').append(i == 0 ? "2025-12-31" : year + "-12-31")
                    .append(",,Synthetic row ").append(i).append(",Synthetic basis,https://example.org/").append(i).append(",\n");
        }
        return csv.toString();
    }
}
