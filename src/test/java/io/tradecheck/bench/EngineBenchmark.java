package io.tradecheck.bench;

import io.tradecheck.cli.TradecheckCommand;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Shipment;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;

/**
 * One check against the full bundled pack, single-threaded and on 2 threads, beside the hand-written limit.
 * Run: {@code ./mvnw -B -ntp -Pbench test-compile exec:exec@bench -Dbench.args="EngineBenchmark"} (see BENCHMARKS.md).
 */
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx1g", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager"})
public class EngineBenchmark {

    @State(Scope.Benchmark)
    public static class Pack {
        RuleSet ruleSet;
        Shipment[] shipments;

        @Setup(Level.Trial)
        public void compile() {
            // As the service and the command line do: without levels set, the engine formats a trace line per rule.
            TradecheckCommand.quietLibraries();
            ruleSet = new RulePackCompiler().compile(RulePackSource.fromDirectory(Path.of(System.getProperty("rules", "rules"))));
            shipments = SampleShipments.mix();
        }
    }

    @State(Scope.Thread)
    public static class Cursor {
        int next;

        Shipment pick(Shipment[] all) {
            next = next + 1 == all.length ? 0 : next + 1;
            return all[next];
        }
    }

    @Benchmark
    @Threads(1)
    public Decision checkFullPack1Thread(Pack pack, Cursor cursor) {
        return pack.ruleSet.check(cursor.pick(pack.shipments));
    }

    @Benchmark
    @Threads(2)
    public Decision checkFullPack2Threads(Pack pack, Cursor cursor) {
        return pack.ruleSet.check(cursor.pick(pack.shipments));
    }

    @Benchmark
    @Threads(1)
    public int handWrittenSubset1Thread(Pack pack, Cursor cursor) {
        return HandWrittenTariffs.rate(cursor.pick(pack.shipments));
    }
}
