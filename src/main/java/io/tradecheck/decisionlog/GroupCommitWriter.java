package io.tradecheck.decisionlog;

import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * One thread that drains a bounded queue and writes what it found in one transaction: while one group is being
 * committed the next one gathers, so under load each commit (each log flush) carries many decisions. Each caller gets
 * a future completed once its row is committed; in durable mode the request waits on it, in async mode nobody does.
 */
public final class GroupCommitWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(GroupCommitWriter.class);
    private static final long[] RETRY_MILLIS = {50, 250, 1000};

    private record Pending(LoggedDecision row, CompletableFuture<Void> committed) {
    }

    private final DecisionStore store;
    private final BlockingQueue<Pending> queue;
    private final int maxGroup;
    private final long lingerNanos;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private volatile boolean closing;

    public GroupCommitWriter(DecisionStore store, int queueSize, int maxGroup) {
        this(store, queueSize, maxGroup, Duration.ZERO);
    }

    /**
     * @param linger how long a group may wait for more rows before it is committed (up to {@code maxGroup}). Zero
     *               commits at once (durable mode: a caller is waiting); a few milliseconds suit async mode, where
     *               nobody waits and many small commits would take the CPU the checks need.
     */
    public GroupCommitWriter(DecisionStore store, int queueSize, int maxGroup, Duration linger) {
        this.store = store;
        this.queue = new ArrayBlockingQueue<>(queueSize);
        this.maxGroup = maxGroup;
        this.lingerNanos = linger.toNanos();
        this.thread = new Thread(this::run, "decision-log-writer");
        this.thread.setDaemon(true);
        this.thread.start();
    }

    /**
     * Queues a row. A full queue makes the caller wait up to {@code maxWait} (back-pressure, never silent loss).
     *
     * @throws DecisionLogUnavailableException if the queue stays full or the writer is closed
     */
    public CompletableFuture<Void> submit(LoggedDecision row, Duration maxWait) {
        if (closing) {
            throw new DecisionLogUnavailableException("the decision log is shutting down", null);
        }
        Pending p = new Pending(row, new CompletableFuture<>());
        try {
            if (!queue.offer(p, maxWait.toMillis(), TimeUnit.MILLISECONDS)) {
                throw new DecisionLogUnavailableException("the decision log queue stayed full for " + maxWait, null);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DecisionLogUnavailableException("interrupted while queueing a decision", e);
        }
        return p.committed();
    }

    public long written() {
        return written.get();
    }

    public long groups() {
        return groups.get();
    }

    /** Rows that could not be written after retries (their futures failed). */
    public long lost() {
        return lost.get();
    }

    public int queued() {
        return queue.size();
    }

    /** Stops taking rows and writes everything queued, waiting up to {@code timeout}. */
    public void close(Duration timeout) {
        closing = true;
        try {
            thread.join(timeout.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (thread.isAlive() || !queue.isEmpty()) {
            LOG.errorf("Decision log: %d decision(s) still queued at shutdown were not written", queue.size());
        } else {
            LOG.infof("Decision log drained: %d decisions in %d commits", written.get(), groups.get());
        }
    }

    @Override
    public void close() {
        close(Duration.ofSeconds(30));
    }

    private void run() {
        List<Pending> group = new ArrayList<>(maxGroup);
        while (!closing || !queue.isEmpty()) {
            try {
                Pending first = queue.poll(100, TimeUnit.MILLISECONDS);
                if (first == null) {
                    continue;
                }
                group.add(first);
                queue.drainTo(group, maxGroup - 1);
                linger(group);
                write(group);
            } catch (InterruptedException e) {
                // Only close() ends the loop: a queued decision is never abandoned on an interrupt.
                Thread.interrupted();
            } catch (RuntimeException e) {
                LOG.error("Decision log writer: unexpected error", e);
                group.forEach(p -> p.committed().completeExceptionally(e));
            } finally {
                group.clear();
            }
        }
    }

    /** Gathers more rows for the group until it is full or the linger time has passed since its first row. */
    private void linger(List<Pending> group) throws InterruptedException {
        long deadline = System.nanoTime() + lingerNanos;
        while (lingerNanos > 0 && group.size() < maxGroup && !closing) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            Pending next = queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                return;
            }
            group.add(next);
            queue.drainTo(group, maxGroup - group.size());
        }
    }

    private void write(List<Pending> group) {
        List<LoggedDecision> rows = group.stream().map(Pending::row).toList();
        SQLException last = null;
        for (int attempt = 0; attempt <= RETRY_MILLIS.length; attempt++) {
            try {
                store.insert(rows);
                written.addAndGet(rows.size());
                groups.incrementAndGet();
                group.forEach(p -> p.committed().complete(null));
                return;
            } catch (SQLException e) {
                last = e;
                if (attempt < RETRY_MILLIS.length) {
                    LOG.warnf("Decision log: writing %d decision(s) failed (%s); retrying", rows.size(), e.getMessage());
                    sleep(RETRY_MILLIS[attempt]);
                }
            }
        }
        lost.addAndGet(rows.size());
        LOG.errorf(last, "Decision log: %d decision(s) could not be written (first id %s)", rows.size(), rows.get(0).id());
        SQLException cause = last;
        group.forEach(p -> p.committed().completeExceptionally(cause));
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
