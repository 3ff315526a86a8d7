package io.tradecheck.batch;

import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.RequestFields;
import java.io.IOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Generated shipments that exercise the bundled rule pack (China escalation, Canada/Mexico, exemptions, export
 * controls, Section 122) over 2025-2026, with about one line in a hundred invalid. Used by the equivalence test and
 * the throughput benchmark.
 */
public final class ShipmentSamples {
    private static final String[] ORIGINS = {"CN", "CN", "CN", "HK", "CA", "MX", "VN", "DE", "JP", "IN", "US"};
    private static final String[] HS = {"9506.62.40.40", "8471.30.01.00", "8517.13.00.00", "2709.00.20", "8708.29.51",
            "6110.20.20.79", "8112.92.10", "2846.90.80", "8505.11.00", "8411.12.00", "8523.49", "2901.10.10"};
    private static final String[] ECCN = {null, null, null, null, "3D991", "EAR99"};
    private static final String[] CURRENCY = {"USD", "USD", "USD", "EUR", "CNY"};
    private static final LocalDate FIRST = LocalDate.of(2025, 1, 1);

    private ShipmentSamples() {
    }

    public static List<CheckRequest> generate(Random random, int count) {
        List<CheckRequest> list = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            list.add(one(random, i));
        }
        return list;
    }

    public static CheckRequest one(Random random, long i) {
        String origin = ORIGINS[random.nextInt(ORIGINS.length)];
        String destination = "US".equals(origin) ? "CN" : "US";
        String hs = HS[random.nextInt(HS.length)];
        if (random.nextInt(100) == 0) {
            hs = "12AB"; // about 1% invalid lines, as real files have
        }
        String date = FIRST.plusDays(random.nextInt(700)).toString();
        BigDecimal value = BigDecimal.valueOf(100 + random.nextInt(1_000_000), 2);
        Boolean usmca = "CA".equals(origin) || "MX".equals(origin) ? (random.nextBoolean() ? Boolean.TRUE : null) : null;
        return new CheckRequest("PO-" + i, origin, destination, null, hs, ECCN[random.nextInt(ECCN.length)],
                null, value, CURRENCY[random.nextInt(CURRENCY.length)], null, date, usmca, null, null, null, null, null, null, null, null, null, null);
    }

    public static void writeCsvHeader(Writer out) throws IOException {
        out.write(String.join(",", RequestFields.NAMES));
        out.write('\n');
    }

    public static void writeCsvLine(CheckRequest r, Writer out) throws IOException {
        StringBuilder line = new StringBuilder(120);
        line.append(r.reference()).append(',').append(r.originCountry()).append(',').append(r.destinationCountry())
                .append(',').append(nullToEmpty(r.exportCountry())).append(',').append(r.hsCode()).append(',')
                .append(nullToEmpty(r.eccn())).append(',').append(nullToEmpty(r.description())).append(',')
                .append(r.customsValue().toPlainString()).append(',').append(r.currency()).append(',')
                .append(r.mfnRate() == null ? "" : r.mfnRate().toPlainString()).append(',')
                .append(nullToEmpty(r.entryDate())).append(',')
                .append(r.usmcaQualifying() == null ? "" : r.usmcaQualifying().toString()).append(",,,,,\n");
        out.write(line.toString());
    }

    public static void writeCsv(List<CheckRequest> shipments, Writer out) throws IOException {
        writeCsvHeader(out);
        for (CheckRequest r : shipments) {
            writeCsvLine(r, out);
        }
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
