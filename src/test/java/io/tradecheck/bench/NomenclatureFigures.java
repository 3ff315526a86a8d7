package io.tradecheck.bench;

import io.tradecheck.cli.TradecheckCommand;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.schedule.HtsLine;
import io.tradecheck.schedule.TariffSchedule;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * What the HTS nomenclature (rules/hts) costs the pack: compile time in a cold JVM and warm, and a schedule lookup.
 * Run it on the rules folder and on a copy without hts/ to see the difference (BENCHMARKS.md).
 *
 * <pre>./mvnw -B -ntp -Pbench test-compile exec:exec@bench -Dbench.main=io.tradecheck.bench.NomenclatureFigures -Dbench.args="rules 10"</pre>
 */
public final class NomenclatureFigures {
    public static void main(String[] args) {
        TradecheckCommand.quietLibraries();
        Path rules = Path.of(args.length > 0 ? args[0] : "rules");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        // Wall time and this thread's CPU time: on a shared machine the CPU figure is the one that does not depend on
        // what else runs (the JIT and GC threads are not in it).
        java.lang.management.ThreadMXBean cpu = java.lang.management.ManagementFactory.getThreadMXBean();
        long c0 = cpu.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        RulePackSource source = RulePackSource.fromDirectory(rules);
        long read = System.nanoTime() - t0;
        RuleSet first = new RulePackCompiler().compile(source);
        long cold = System.nanoTime() - t0;
        long coldCpu = cpu.getCurrentThreadCpuTime() - c0;
        System.out.printf("%s: %d files, read %d ms, cold read+compile %d ms wall, %d ms CPU (compiler's own figure %d ms)%n",
                rules, source.files().size(), read / 1_000_000, cold / 1_000_000, coldCpu / 1_000_000,
                first.info().compileMillis());
        long[] warm = new long[runs];
        long[] warmCpu = new long[runs];
        for (int i = 0; i < runs; i++) {
            long c = cpu.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            new RulePackCompiler().compile(RulePackSource.fromDirectory(rules));
            warm[i] = (System.nanoTime() - s) / 1_000_000;
            warmCpu[i] = (cpu.getCurrentThreadCpuTime() - c) / 1_000_000;
        }
        Arrays.sort(warm);
        Arrays.sort(warmCpu);
        System.out.printf("warm read+compile, %d runs: median %d ms wall (%d-%d), %d ms CPU (%d-%d)%n", runs,
                warm[runs / 2], warm[0], warm[runs - 1], warmCpu[runs / 2], warmCpu[0], warmCpu[runs - 1]);
        // A check of the engine benchmark's mix (SampleShipments), timed by this thread's CPU: robust on a busy machine.
        io.tradecheck.model.Shipment[] mix = SampleShipments.mix();
        long checkSink = 0;
        for (int round = 0; round < 3; round++) {
            int checks = 300_000;
            long c = cpu.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            for (int i = 0; i < checks; i++) {
                checkSink += first.check(mix[i % mix.length]).findings().size();
            }
            System.out.printf("check (SampleShipments mix, round %d of 3): %.2f µs wall, %.2f µs CPU per check%n", round + 1,
                    (System.nanoTime() - s) / 1000.0 / checks, (cpu.getCurrentThreadCpuTime() - c) / 1000.0 / checks);
        }
        System.out.println("(sink " + checkSink % 10 + ")");
        TariffSchedule schedule = first.schedule();
        if (schedule.isEmpty()) {
            return;
        }
        List<String> codes = new ArrayList<>();
        LocalDate day = LocalDate.of(2025, 9, 1);
        for (HtsLine line : schedule.withPrefix("", day, 30_000)) {
            codes.add(line.digits());
        }
        long sink = 0;
        int n = 2_000_000;
        for (int round = 0; round < 2; round++) {
            long c = cpu.getCurrentThreadCpuTime();
            long s = System.nanoTime();
            for (int i = 0; i < n; i++) {
                HtsLine line = schedule.line(codes.get(i % codes.size()), day);
                sink += line == null ? 0 : line.code().length();
            }
            System.out.printf("schedule lookup (%d lines in force, round %d): %.0f ns wall, %.0f ns CPU per lookup%n",
                    codes.size(), round + 1, (System.nanoTime() - s) / (double) n,
                    (cpu.getCurrentThreadCpuTime() - c) / (double) n);
        }
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        System.out.printf("heap in use after GC with the pack loaded: %d MiB (sink %d)%n",
                (rt.totalMemory() - rt.freeMemory()) >> 20, sink % 10);
    }
}
