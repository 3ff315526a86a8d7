package io.tradecheck.security;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The password hashes (PBKDF2, deliberately slow) that may run at once, and how many callers may wait for one. A flood
 * of sign-ins with wrong passwords then costs at most {@code concurrent} cores; everything else (checks with API keys
 * or cached sign-ins, health probes) keeps the rest. A caller that finds the queue full, or waits longer than
 * {@code maxWait}, is told to come back later ({@link SignInBusyException}, 503) instead of holding a worker thread.
 */
public final class PasswordHashing {
    private final Semaphore permits;
    /** Callers hashing or waiting to, at most. */
    private final int maxInside;
    private final Duration maxWait;
    private final AtomicInteger inside = new AtomicInteger();

    public PasswordHashing(int concurrent, int maxWaiting, Duration maxWait) {
        this.permits = new Semaphore(Math.max(1, concurrent), true);
        this.maxInside = Math.max(1, concurrent) + Math.max(0, maxWaiting);
        this.maxWait = maxWait;
    }

    /** Runs one hash within the limits. */
    public <T> T run(Supplier<T> hash) {
        try {
            if (inside.incrementAndGet() > maxInside || !acquire()) {
                throw new SignInBusyException();
            }
            try {
                return hash.get();
            } finally {
                permits.release();
            }
        } finally {
            inside.decrementAndGet();
        }
    }

    private boolean acquire() {
        try {
            return permits.tryAcquire(maxWait.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
