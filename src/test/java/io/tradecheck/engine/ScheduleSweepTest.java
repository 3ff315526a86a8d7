package io.tradecheck.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.model.Decision;
import io.tradecheck.model.Finding;
import io.tradecheck.model.FindingKind;
import io.tradecheck.model.Shipment;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * "Any HTS code a real order file holds": seeded random 10-digit lines of the bundled schedule, from a dozen origins on
 * dates across 2025-2026, through the real engine. Whatever the duty, an answer must be sound: it is given (no
 * exception), no rate is negative, no measure is charged twice, a subheading pays at most one of Section 301 Lists 1-4A
 * (notes 20(b)-(s) enumerate each subheading once; the tracker data once put 253 on two lists), and the total is the MFN
 * rate plus the additional duties wherever both are known.
 */
class ScheduleSweepTest {
    private static final Set<String> ONE_OF_301 = Set.of("US-301-LIST-1", "US-301-LIST-2", "US-301-LIST-3",
            "US-301-LIST-3-ADDL", "US-301-LIST-4A");
    private static final List<String> ORIGINS = List.of("CN", "HK", "VN", "DE", "CA", "MX", "JP", "BR", "IN", "KR", "GB",
            "CH", "TW");
    private static final List<LocalDate> DATES = Stream.of("2025-03-15", "2025-04-10", "2025-06-01", "2025-10-01",
            "2026-01-15", "2026-03-01", "2026-05-01", "2026-08-15", "2026-12-01").map(LocalDate::parse).toList();

    @Test
    void everyAnswerForRandomCodesOfTheScheduleIsSound() {
        RuleSet ruleSet = new RulePackCompiler().compile(RulePackSource.fromDirectory(Path.of("rules")));
        List<String> codes = tenDigitLinesInForce(LocalDate.of(2026, 3, 1));
        assertTrue(codes.size() > 10_000, "the schedule holds " + codes.size() + " lines in force");
        Random random = new Random(20261201L);
        List<String> wrong = new ArrayList<>();
        int dutiable = 0;
        for (int i = 0; i < 3000; i++) {
            String code = codes.get(random.nextInt(codes.size()));
            String origin = ORIGINS.get(random.nextInt(ORIGINS.size()));
            LocalDate date = DATES.get(random.nextInt(DATES.size()));
            Decision d = ruleSet.check(new Shipment(null, origin, null, "US", code.replace(".", ""), null,
                    BigDecimal.valueOf(10000), "USD", null, date, null));
            String at = origin + " " + code + " " + date + ": ";
            if (d.additionalDutyRate() != null && d.additionalDutyRate().signum() < 0) {
                wrong.add(at + "negative rate " + d.additionalDutyRate());
            }
            Set<String> charged = new HashSet<>();
            int section301 = 0;
            for (Finding f : d.findings()) {
                if (f.kind() == FindingKind.TARIFF) {
                    if (!charged.add(f.ruleId())) {
                        wrong.add(at + f.ruleId() + " charged twice");
                    }
                    section301 += ONE_OF_301.contains(f.ruleId()) ? 1 : 0;
                }
            }
            if (section301 > 1) {
                wrong.add(at + "several Section 301 lists: " + d.findings().stream().map(Finding::ruleId).toList());
            }
            if (d.mfnRate() != null && d.totalDutyRate() != null && d.additionalDutyRate() != null
                    && d.totalDutyRate().compareTo(d.mfnRate().add(d.additionalDutyRate())) != 0) {
                wrong.add(at + "total " + d.totalDutyRate() + " is not MFN " + d.mfnRate() + " + " + d.additionalDutyRate());
            }
            dutiable += d.additionalDutyRate() != null && d.additionalDutyRate().signum() > 0 ? 1 : 0;
        }
        assertEquals(List.of(), wrong);
        assertTrue(dutiable > 1000, dutiable + " of 3000 random shipments owe an additional duty");
    }

    /** The 10-digit lines of rules/hts in force on {@code day}, as the imported schedule files hold them. */
    private static List<String> tenDigitLinesInForce(LocalDate day) {
        List<String> codes = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("rules/hts"))) {
            for (Path f : files.filter(p -> p.getFileName().toString().startsWith("chapter-")).sorted().toList()) {
                for (String line : Files.readAllLines(f).subList(1, Files.readAllLines(f).size())) {
                    String[] cells = line.split(",", 6);
                    if (cells.length < 5 || !"line".equals(cells[1]) || cells[0].replace(".", "").length() != 10) {
                        continue;
                    }
                    LocalDate from = LocalDate.parse(cells[3]);
                    LocalDate to = cells[4].isEmpty() ? null : LocalDate.parse(cells[4]);
                    if (!from.isAfter(day) && (to == null || !to.isBefore(day))) {
                        codes.add(cells[0]);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return codes;
    }
}
