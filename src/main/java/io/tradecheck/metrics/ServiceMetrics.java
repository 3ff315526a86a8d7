package io.tradecheck.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.config.MeterFilter;
import io.micrometer.core.instrument.distribution.DistributionStatisticConfig;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.tradecheck.decisionlog.DecisionLog;
import io.tradecheck.decisionlog.DecisionLogDisk;
import io.tradecheck.decisionlog.GroupCommitWriter;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.RuleSetInfo;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * What the service exposes at {@code /q/metrics} (Prometheus text) besides the JVM and HTTP series Quarkus adds:
 * checks by decision, batch lines, the decision log (queue depth, commit latency, group size, written, lost, withdrawn,
 * bytes on disk), rule reloads with their compile time, and the rule-set version in force. See docs/metrics.md.
 */
@ApplicationScoped
public class ServiceMetrics {
    @Inject
    MeterRegistry registry;

    @Inject
    DecisionLog log;

    @Inject
    DecisionLogDisk disk;

    @Inject
    ActiveRuleSet rules;

    private final Map<String, Counter> checks = new ConcurrentHashMap<>();
    private Counter batchLines;
    private Counter reloads;
    private Timer reloadTime;
    private MultiGauge inForce;
    private volatile String digestInForce;
    private ScheduledExecutorService watch;

    /** Latency histograms (Prometheus buckets) for HTTP requests and decision-log commits. */
    @Produces
    @Singleton
    MeterFilter histograms() {
        return new MeterFilter() {
            @Override
            public DistributionStatisticConfig configure(Meter.Id id, DistributionStatisticConfig config) {
                boolean ours = id.getName().equals("http.server.requests") || id.getName().startsWith("tradecheck.");
                if (ours && id.getType() == Meter.Type.TIMER) {   // nanoseconds: 0.1 ms to 30 s
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue(1e5).maximumExpectedValue(3e10).build().merge(config);
                }
                if (ours && id.getType() == Meter.Type.DISTRIBUTION_SUMMARY) {   // decisions per commit
                    return DistributionStatisticConfig.builder().percentilesHistogram(true)
                            .minimumExpectedValue(1.0).maximumExpectedValue(10_000.0).build().merge(config);
                }
                return config;
            }
        };
    }

    void start(@Observes StartupEvent event) {
        batchLines = Counter.builder("tradecheck.batch.lines").description("Order-file lines decided").register(registry);
        log.meter((outcome, batchLine) -> {
            checks.computeIfAbsent(outcome, o -> Counter.builder("tradecheck.checks").tag("decision", o)
                    .description("Checks decided, by decision").register(registry)).increment();
            if (batchLine) {
                batchLines.increment();
            }
        });
        GroupCommitWriter writer = log.writer();
        Gauge.builder("tradecheck.decision_log.queue_depth", writer, GroupCommitWriter::queued)
                .description("Decisions waiting for the decision-log writer").register(registry);
        FunctionCounter.builder("tradecheck.decision_log.written", writer, GroupCommitWriter::written)
                .description("Decisions committed to the log").register(registry);
        FunctionCounter.builder("tradecheck.decision_log.lost", writer, GroupCommitWriter::lost)
                .description("Decisions that could not be written (their checks were answered 503 in durable mode)").register(registry);
        FunctionCounter.builder("tradecheck.decision_log.withdrawn", writer, GroupCommitWriter::withdrawn)
                .description("Decisions committed after their caller was answered 503, and taken out again").register(registry);
        Gauge.builder("tradecheck.decision_log.disk", disk, DecisionLogDisk::logBytes).baseUnit("bytes")
                .description("Disk taken by the decision log (H2 files, or the PostgreSQL database)").register(registry);
        Timer commits = Timer.builder("tradecheck.decision_log.commit").description("Time to write and commit one group")
                .register(registry);
        DistributionSummary groups = DistributionSummary.builder("tradecheck.decision_log.group_size")
                .description("Decisions per commit").register(registry);
        writer.listener((size, nanos) -> {
            commits.record(nanos, TimeUnit.NANOSECONDS);
            groups.record(size);
        });

        reloads = Counter.builder("tradecheck.rules.reloads").description("Rule sets put in force after start-up").register(registry);
        reloadTime = Timer.builder("tradecheck.rules.compile").description("Compile time of each rule set put in force")
                .register(registry);
        inForce = MultiGauge.builder("tradecheck.rules.in_force").description("The rule set in force (1), by version and digest")
                .register(registry);
        observeRules(false);
        // The rule set is swapped by activations, rollbacks and folder edits; a look every second is enough for metrics.
        watch = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "rule-metrics");
            t.setDaemon(true);
            return t;
        });
        watch.scheduleWithFixedDelay(() -> observeRules(true), 1, 1, TimeUnit.SECONDS);
    }

    void stop(@Observes ShutdownEvent event) {
        if (watch != null) {
            watch.shutdownNow();
        }
    }

    private void observeRules(boolean reload) {
        RuleSetInfo info = rules.current().info();
        if (info.digest().equals(digestInForce)) {
            return;
        }
        digestInForce = info.digest();
        reloadTime.record(Duration.ofMillis(info.compileMillis()));
        if (reload) {
            reloads.increment();
        }
        inForce.register(List.of(MultiGauge.Row.of(Tags.of("version", String.valueOf(info.version()), "digest", info.digest()), 1)), true);
    }
}
