package io.tradecheck.decisionlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Purges decisions older than the retention period (default five years: 19 CFR 163.4 keeps entry records five years
 * from the date of entry). Runs on a thread of its own, in small batches with a pause between them, each its own short
 * transaction on the primary key (the id is time-ordered), so the writer and the checks never wait long behind it.
 */
public final class DecisionRetention implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(DecisionRetention.class);

    private final DecisionStore store;
    private final Duration retention;
    private final int batch;
    private final Clock clock;
    private final AtomicLong purged = new AtomicLong();
    private ScheduledExecutorService schedule;

    public DecisionRetention(DecisionStore store, Duration retention, int batch, Clock clock) {
        this.store = store;
        this.retention = retention;
        this.batch = batch;
        this.clock = clock;
    }

    public DecisionRetention start(Duration every) {
        schedule = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "decision-log-retention");
            t.setDaemon(true);
            t.setPriority(Thread.MIN_PRIORITY);
            return t;
        });
        schedule.scheduleWithFixedDelay(this::purgeQuietly, Math.min(60_000, every.toMillis()), every.toMillis(), TimeUnit.MILLISECONDS);
        return this;
    }

    /** Decisions purged since start. */
    public long purged() {
        return purged.get();
    }

    /** Deletes every decision made before now minus the retention period, batch by batch; returns how many. */
    public long purge() throws SQLException {
        Object before = DecisionIds.lowerBound(clock.instant().minus(retention));
        long total = 0;
        while (true) {
            int deleted;
            try (Connection c = store.dataSource().getConnection();
                 PreparedStatement ps = c.prepareStatement("DELETE FROM decision_entry WHERE id IN "
                         + "(SELECT id FROM decision_entry WHERE id < ? ORDER BY id LIMIT " + batch + ")")) {
                ps.setObject(1, before);
                deleted = ps.executeUpdate();
            }
            total += deleted;
            purged.addAndGet(deleted);
            if (deleted < batch) {
                return total;
            }
            try {
                Thread.sleep(20); // leave the database to the writer between batches
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return total;
            }
        }
    }

    private void purgeQuietly() {
        try {
            long n = purge();
            if (n > 0) {
                LOG.infof("Decision log: %d decision(s) older than %s purged (retention)", n, retention);
            }
        } catch (SQLException | RuntimeException e) {
            LOG.warnf("Decision log: retention purge failed (%s); retried at the next run", e.getMessage());
        }
    }

    @Override
    public void close() {
        if (schedule != null) {
            schedule.shutdownNow();
        }
    }
}
