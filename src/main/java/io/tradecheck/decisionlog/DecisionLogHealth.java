package io.tradecheck.decisionlog;

import io.quarkus.runtime.configuration.MemorySize;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of the decision log: DOWN when the database does not answer within {@code health-timeout} (a hung
 * PostgreSQL makes the check answer DOWN, never hang), when the last write failed (disk full, database gone), or when
 * the H2 disk has less than {@code min-free-disk} left; UP with a warning when the log has grown past
 * {@code disk-warning}. The database is probed on a thread of its own, so a probe that hangs is waited for only once.
 */
@Readiness
@ApplicationScoped
public class DecisionLogHealth implements HealthCheck {
    @Inject
    DecisionLog log;

    @Inject
    DecisionStore store;

    @Inject
    DecisionLogDisk disk;

    @ConfigProperty(name = "tradecheck.decision-log.health-timeout", defaultValue = "2s")
    Duration timeout;

    @ConfigProperty(name = "tradecheck.decision-log.disk-warning", defaultValue = "10G")
    MemorySize diskWarning;

    @ConfigProperty(name = "tradecheck.decision-log.min-free-disk", defaultValue = "256M")
    MemorySize minFree;

    private final ExecutorService prober = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "decision-log-health");
        t.setDaemon(true);
        return t;
    });
    private volatile Future<?> probe;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder r = HealthCheckResponse.named("decision-log").up()
                .withData("mode", log.mode().name().toLowerCase());
        if (log.mode() == DecisionLogMode.OFF) {
            return r.build();
        }
        GroupCommitWriter writer = log.writer();
        r.withData("queued", writer.queued()).withData("written", writer.written()).withData("lost", writer.lost())
                .withData("withdrawn", writer.withdrawn());
        long bytes = disk.logBytes();
        r.withData("logBytes", bytes);
        if (bytes > diskWarning.asLongValue()) {
            r.withData("warning", "the decision log takes " + bytes + " bytes, more than tradecheck.decision-log.disk-warning ("
                    + diskWarning.asLongValue() + "); check the retention period");
        }
        OptionalLong free = disk.freeBytes();
        if (free.isPresent()) {
            r.withData("freeBytes", free.getAsLong());
            if (free.getAsLong() < minFree.asLongValue()) {
                r.down().withData("reason", "less than tradecheck.decision-log.min-free-disk left on the log's disk");
            }
        }
        String unreachable = probeDatabase();
        if (unreachable != null) {
            r.down().withData("reason", unreachable);
        } else if (writer.failing()) {
            r.down().withData("reason", "the last write to the decision log failed; checks are answered 503 until it recovers");
        }
        return r.build();
    }

    /** Null if the database answered {@code SELECT 1} in time, else why not. */
    private String probeDatabase() {
        Future<?> running = probe;
        if (running != null && !running.isDone()) {
            return "the database has not answered a probe for more than " + timeout.toMillis() + " ms";
        }
        Future<?> next = prober.submit(() -> {
            try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement()) {
                s.setQueryTimeout((int) Math.max(1, timeout.toSeconds()));
                s.execute("SELECT 1");
            }
            return null;
        });
        probe = next;
        try {
            next.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return null;
        } catch (TimeoutException e) {
            return "the database did not answer within " + timeout.toMillis() + " ms";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        } catch (java.util.concurrent.ExecutionException e) {
            return "the database cannot be reached: " + e.getCause().getMessage();
        }
    }
}
