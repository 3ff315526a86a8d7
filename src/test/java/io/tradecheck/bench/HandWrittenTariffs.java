package io.tradecheck.bench;

import io.tradecheck.model.Shipment;
import java.time.LocalDate;
import java.util.Set;

/**
 * The practical limit for the engine benchmark: a fixed subset of the pack (China fentanyl, reciprocal baseline and
 * China rates, the electronics exemption) written as plain Java. Nobody could maintain the pack this way; it only shows
 * what a check costs when nothing is interpreted.
 */
final class HandWrittenTariffs {
    private static final int FENTANYL_10 = day("2025-02-04");
    private static final int FENTANYL_20 = day("2025-03-04");
    private static final int FENTANYL_BACK_TO_10 = day("2025-11-10");
    private static final int IEEPA_END = day("2026-02-24");
    private static final int RECIPROCAL = day("2025-04-05");
    private static final int CN_84 = day("2025-04-09");
    private static final int CN_125 = day("2025-04-10");
    private static final int GENEVA = day("2025-05-14");
    private static final Set<String> CHINA = Set.of("CN", "HK", "MO");
    private static final Set<String> OUTSIDE_RECIPROCAL = Set.of("CA", "MX", "CU", "KP", "RU", "BY");
    private static final Set<String> ELECTRONICS_4 = Set.of("8471", "8486", "8524", "8542");

    private HandWrittenTariffs() {
    }

    /** Additional duty rate in percent. */
    static int rate(Shipment s) {
        if (!"US".equals(s.getDestination())) {
            return 0;
        }
        int d = s.getEntryDay();
        int rate = 0;
        String origin = s.getOrigin();
        if ((origin.equals("CN") || origin.equals("HK")) && d >= FENTANYL_10 && d < IEEPA_END) {
            rate += d < FENTANYL_20 ? 10 : d < FENTANYL_BACK_TO_10 ? 20 : 10;
        }
        boolean exempt = ELECTRONICS_4.contains(s.getHs4());
        if (!exempt && !OUTSIDE_RECIPROCAL.contains(origin) && d >= RECIPROCAL && d < IEEPA_END) {
            if (CHINA.contains(origin) && d >= CN_84 && d < GENEVA) {
                rate += d < CN_125 ? 84 : 125;
            } else {
                rate += 10;
            }
        }
        return rate;
    }

    private static int day(String date) {
        return (int) LocalDate.parse(date).toEpochDay();
    }
}
