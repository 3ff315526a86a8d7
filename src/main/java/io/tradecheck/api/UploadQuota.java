package io.tradecheck.api;

import io.tradecheck.batch.BatchJobs;
import io.tradecheck.batch.JobState;
import io.tradecheck.batch.UploadSpool;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-caller quotas on order-file uploads, so that one caller's slow or many uploads cannot take every worker thread
 * (and with them sign-ins and health checks): at most {@code tradecheck.upload.max-concurrent-per-caller} uploads being
 * received at once, and at most {@code tradecheck.batch-jobs.max-queued-per-caller} jobs waiting or running. Beyond
 * either, the request is refused at once with 429 and Retry-After, before a byte of its body is read.
 */
@ApplicationScoped
public class UploadQuota {
    @ConfigProperty(name = "tradecheck.upload.max-concurrent-per-caller", defaultValue = "4")
    int maxConcurrent;
    @ConfigProperty(name = "tradecheck.batch-jobs.max-queued-per-caller", defaultValue = "10")
    int maxQueued;

    @Inject
    UploadSpool spool;
    @Inject
    BatchJobs jobs;

    private final Map<String, AtomicInteger> receiving = new ConcurrentHashMap<>();

    /** Spools an upload within the caller's quota of concurrent uploads. */
    public Path spool(String caller, InputStream body) throws IOException {
        AtomicInteger count = receiving.computeIfAbsent(caller, c -> new AtomicInteger());
        if (count.incrementAndGet() > maxConcurrent) {
            release(caller, count);
            throw new Exceeded("You have " + maxConcurrent + " uploads in progress already "
                    + "(tradecheck.upload.max-concurrent-per-caller); wait for one to finish.");
        }
        try {
            return spool.spool(body);
        } finally {
            release(caller, count);
        }
    }

    /** Refuses a new job while the caller has too many queued or running. */
    public void requireJobSlot(String caller) throws IOException {
        long waiting = jobs.list().stream()
                .filter(j -> j.ownedBy(caller) && (j.state() == JobState.QUEUED || j.state() == JobState.RUNNING))
                .count();
        if (waiting >= maxQueued) {
            throw new Exceeded("You have " + waiting + " batch jobs queued or running "
                    + "(tradecheck.batch-jobs.max-queued-per-caller); wait for one to finish or delete one.");
        }
    }

    private void release(String caller, AtomicInteger count) {
        if (count.decrementAndGet() <= 0) {
            receiving.remove(caller, count);
        }
    }

    /** A quota is used up: 429 with Retry-After. */
    public static final class Exceeded extends RuntimeException {
        Exceeded(String message) {
            super(message, null, false, false);
        }
    }
}
