package io.tradecheck.schedule;

import io.tradecheck.engine.RulePackSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class ScratchTest {
    @Test
    void scratch() {
        var src = RulePackSource.fromDirectory(Path.of("rules"));
        Map<String, byte[]> files = new TreeMap<>();
        src.files().stream().filter(f -> f.path().startsWith("hts/")).forEach(f -> files.put(f.path(), f.content()));
        for (int k = 0; k < 3; k++) {
            var mx = java.lang.management.ManagementFactory.getThreadMXBean(); long c0 = mx.getCurrentThreadCpuTime(); long t0 = System.nanoTime();
            List<HtsRow> rows = new ArrayList<>();
            files.forEach((p, c) -> { if (!p.equals(Nomenclature.REVISIONS_FILE)) rows.addAll(Nomenclature.readRows(p, c)); });
            long t1 = System.nanoTime(); long c1 = mx.getCurrentThreadCpuTime();
            var revs = Nomenclature.readRevisions(files.get(Nomenclature.REVISIONS_FILE));
            var s = TariffSchedule.of(rows, revs);
            long t2 = System.nanoTime(); long c2 = mx.getCurrentThreadCpuTime();
            System.out.printf("read %d ms build %d ms; cpu %d / %d ms%n", (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000, (c1 - c0) / 1_000_000, (c2 - c1) / 1_000_000);
        }
    }
}
