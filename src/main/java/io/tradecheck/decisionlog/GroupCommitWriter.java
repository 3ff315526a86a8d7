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

    private record Pending(DecisionRecord row, CompletableFuture<Void> committed) {
    }

    private final DecisionStore store;
    private final BlockingQueue<Pending> queue;
    private final int maxGroup;
    private final long lingerNanos;
    private final Thread thread;
    private final AtomicLong written = new AtomicLong();
    private final AtomicLong groups = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong failedAttempts = new AtomicLong();
    private final AtomicLong withdrawn = new AtomicLong();
    private volatile boolean closing;
    private volatile long lastCommitNanos = System.nanoTime();
    private volatile long lastFailureNanos = lastCommitNanos - 1;
    private volatile Listener listener = Listener.NONE;

    /** Told of every commit: for metrics. Called on the writer thread; must be quick. */
    public interface Listener {
        Listener NONE = (size, nanos) -> { };

        void committed(int groupSize, long nanos);
    }

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
    public CompletableFuture<Void> submit(DecisionRecord row, Duration maxWait) {
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

    public void listener(Listener listener) {
        this.listener = listener;
    }

    /** Failed attempts to write a group (each retry counts): a database that refuses writes shows here. */
    public long failedAttempts() {
        return failedAttempts.get();
    }

    /** Decisions committed after their caller was answered 503, and taken out again. */
    public long withdrawn() {
        return withdrawn.get();
    }

    /** Nanoseconds (System.nanoTime) of the last successful commit. */
    public long lastCommitNanos() {
        return lastCommitNanos;
    }

    /** Whether the last attempt to write failed for a reason other than a refused row (the database is unwell). */
    public boolean failing() {
        return lastFailureNanos - lastCommitNanos > 0;
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

    private void write(List<Pending> all) {
        // A durable caller that gave up waiting (and was answered 503) has cancelled its row: it is not written.
        List<Pending> group = all.stream().filter(p -> !p.committed().isDone()).toList();
        if (group.isEmpty()) {
            return;
        }
        List<DecisionRecord> rows = group.stream().map(Pending::row).toList();
        SQLException last = null;
        for (int attempt = 0; attempt <= RETRY_MILLIS.length; attempt++) {
            long started = System.nanoTime();
            try {
                store.insert(rows);
                committed(group, started);
                return;
            } catch (SQLException e) {
                last = e;
                if (isBadRow(e)) {
                    // One row the database refuses must not take the others with it: write them one by one.
                    LOG.warnf("Decision log: a group of %d was refused (%s); writing its rows one by one", rows.size(), e.getMessage());
                    for (Pending p : group) {
                        writeAlone(p, attempt > 0);
                    }
                    return;
                }
                failedAttempts.incrementAndGet();
                lastFailureNanos = System.nanoTime();
                if (attempt < RETRY_MILLIS.length) {
                    group = group.stream().filter(p -> !p.committed().isDone()).toList();
                    if (group.isEmpty()) {
                        return;
                    }
                    rows = group.stream().map(Pending::row).toList();
                    LOG.warnf("Decision log: writing %d decision(s) failed (%s); retrying", rows.size(), e.getMessage());
                    sleep(RETRY_MILLIS[attempt]);
                }
            }
        }
        if (lastAttemptMayHaveCommitted(last)) {
            // The database stopped answering mid-commit: some rows may be in. Settle each one.
            for (int i = 0; i < group.size(); i++) {
                if (!writeAlone(group.get(i), true)) {
                    fail(group.subList(i + 1, group.size()), last);
                    return;
                }
            }
            return;
        }
        fail(group, last);
    }

    private void fail(List<Pending> group, SQLException cause) {
        if (group.isEmpty()) {
            return;
        }
        lost.addAndGet(group.size());
        LOG.errorf(cause, "Decision log: %d decision(s) could not be written (first id %s)", group.size(), group.get(0).row().id());
        group.forEach(p -> p.committed().completeExceptionally(cause));
    }

    /** Writes one row in its own transaction; false if the database failed (rather than refused the row). */
    private boolean writeAlone(Pending p, boolean mayBeCommitted) {
        if (p.committed().isDone()) {
            return true;
        }
        long started = System.nanoTime();
        try {
            store.insert(List.of(p.row()));
            committed(List.of(p), started);
            return true;
        } catch (SQLException e) {
            if (mayBeCommitted && isBadRow(e) && present(p.row())) {
                committed(List.of(p), started); // an earlier attempt whose outcome was unknown did commit it
                return true;
            }
            lost.incrementAndGet();
            if (!isBadRow(e)) {
                lastFailureNanos = System.nanoTime();
            }
            LOG.errorf("Decision log: decision %s could not be written: %s", p.row().id(), e.getMessage());
            p.committed().completeExceptionally(e);
            return isBadRow(e);
        }
    }

    private void committed(List<Pending> group, long startedNanos) {
        written.addAndGet(group.size());
        groups.incrementAndGet();
        lastCommitNanos = System.nanoTime();
        listener.committed(group.size(), lastCommitNanos - startedNanos);
        List<DecisionRecord> givenUp = new ArrayList<>();
        for (Pending p : group) {
            if (!p.committed().complete(null)) {
                givenUp.add(p.row());
            }
        }
        if (!givenUp.isEmpty()) {
            withdraw(givenUp);
        }
    }

    /**
     * Rows committed after their caller stopped waiting and was answered 503: nobody received these decisions, so they
     * are taken out of the log again (a retry then logs the decision it is answered with, once).
     */
    private void withdraw(List<DecisionRecord> rows) {
        for (int attempt = 0; attempt <= RETRY_MILLIS.length; attempt++) {
            try {
                store.delete(rows.stream().map(DecisionRecord::id).toList());
                withdrawn.addAndGet(rows.size());
                LOG.warnf("Decision log: %d decision(s) committed after their caller was answered 503 were withdrawn", rows.size());
                return;
            } catch (SQLException e) {
                sleep(RETRY_MILLIS[Math.min(attempt, RETRY_MILLIS.length - 1)]);
            }
        }
        LOG.errorf("Decision log: %d decision(s) answered 503 could not be withdrawn (first id %s)", rows.size(), rows.get(0).id());
    }

    private boolean present(DecisionRecord row) {
        try {
            return store.find(row.id().toString()).isPresent();
        } catch (SQLException e) {
            return false;
        }
    }

    /** A failure that is not the database refusing the data (a lost connection, a timeout) leaves the commit unknown. */
    private static boolean lastAttemptMayHaveCommitted(SQLException e) {
        return e != null && !isBadRow(e);
    }

    /**
     * Whether the database refused the data rather than failed: SQL states of class 22 (data exception, such as a NUL
     * character in PostgreSQL text) and 23 (integrity constraint violation).
     */
    static boolean isBadRow(SQLException e) {
        for (SQLException s = e; s != null; s = s.getNextException()) {
            String state = s.getSQLState();
            if (state != null && (state.startsWith("22") || state.startsWith("23"))) {
                return true;
            }
            if (s.getNextException() == s) {
                break;
            }
        }
        return false;
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
