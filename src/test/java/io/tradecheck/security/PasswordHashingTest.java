package io.tradecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class PasswordHashingTest {

    @Test
    void aFloodOfHashesRunsAtMostTheLimitAtOnceAndTheRestIsToldToComeBack() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, 1, Duration.ofSeconds(10));
        CountDownLatch inside = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        AtomicInteger running = new AtomicInteger();
        AtomicInteger most = new AtomicInteger();
        Runnable slowHash = () -> hashing.run(() -> {
            most.accumulateAndGet(running.incrementAndGet(), Math::max);
            inside.countDown();
            try {
                release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            running.decrementAndGet();
            return true;
        });
        CompletableFuture<Void> first = CompletableFuture.runAsync(slowHash);
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        CompletableFuture<Void> second = CompletableFuture.runAsync(slowHash); // waits: the queue holds one
        Thread.sleep(100);
        long start = System.nanoTime();
        assertThrows(SignInBusyException.class, () -> hashing.run(() -> true), "a third caller is refused at once");
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "without waiting for a permit");
        release.countDown();
        first.get(10, TimeUnit.SECONDS);
        second.get(10, TimeUnit.SECONDS);
        assertEquals(1, most.get(), "never two hashes at once");
        assertEquals(true, hashing.run(() -> true), "capacity is back");
    }

    @Test
    void aCallerThatWaitsTooLongIsRefused() throws Exception {
        PasswordHashing hashing = new PasswordHashing(1, 5, Duration.ofMillis(200));
        CountDownLatch release = new CountDownLatch(1);
        CountDownLatch inside = new CountDownLatch(1);
        CompletableFuture<Boolean> holder = CompletableFuture.supplyAsync(() -> hashing.run(() -> {
            inside.countDown();
            try {
                return release.await(10, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                return false;
            }
        }));
        assertTrue(inside.await(10, TimeUnit.SECONDS));
        assertThrows(SignInBusyException.class, () -> hashing.run(() -> true));
        release.countDown();
        assertTrue(holder.get(10, TimeUnit.SECONDS));
    }
}
