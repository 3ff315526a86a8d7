package io.tradecheck.bench;

import io.tradecheck.model.Shipment;
import java.math.BigDecimal;
import java.time.LocalDate;

/** A realistic mix for benchmarks: tariffs, pauses, exemptions, licences, bans, and routes no rule concerns. */
final class SampleShipments {
    private SampleShipments() {
    }

    static Shipment[] mix() {
        return new Shipment[] {
            s("CN", "CN", "US", "9506624040", null, "2025-04-15", null),
            s("CN", "CN", "US", "9506624040", null, "2025-06-01", null),
            s("CN", "CN", "US", "8471300100", null, "2025-04-15", null),
            s("DE", "DE", "US", "8471300100", null, "2025-06-01", null),
            s("DE", "DE", "US", "6109100012", null, "2025-04-09", null),
            s("CA", "CA", "US", "2709002000", null, "2025-08-01", true),
            s("CA", "CA", "US", "3104200000", null, "2025-05-01", null),
            s("MX", "MX", "US", "8703230190", null, "2026-03-01", false),
            s("VN", "VN", "US", "6403999065", null, "2025-07-01", null),
            s("US", "US", "CN", "8523490000", "3D991", "2025-06-10", null),
            s("CN", "CN", "US", "8112920000", null, "2025-06-01", null),
            s("CN", "CN", "DE", "8505110000", null, "2026-01-10", null),
            s("FR", "FR", "JP", "2204210000", null, "2025-09-01", null),
            s("HK", "HK", "US", "8542310000", null, "2025-12-01", null),
        };
    }

    private static Shipment s(String origin, String exporter, String destination, String hs, String eccn, String date,
                              Boolean usmca) {
        return new Shipment(null, origin, exporter, destination, hs, eccn, BigDecimal.valueOf(10_000), "USD", null,
                LocalDate.parse(date), usmca);
    }
}
