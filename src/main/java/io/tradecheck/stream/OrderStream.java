package io.tradecheck.stream;

import io.tradecheck.engine.ShipmentChecker;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The consumers of one process in the order-line stream's consumer group, each on its own thread with its own Kafka
 * consumer and producer (a failed producer stops one consumer, not all). Kafka spreads the order topic's partitions
 * over every consumer of the group, in this process and in others: partitions bound the useful number of consumers.
 */
public final class OrderStream implements AutoCloseable {
    private final List<OrderLineConsumer> consumers;
    private final List<Thread> threads;

    private OrderStream(List<OrderLineConsumer> consumers, List<Thread> threads) {
        this.consumers = consumers;
        this.threads = threads;
    }

    /**
     * @param name names this process's consumers ({@code name-1}, {@code name-2}, ...) in the group, their threads
     *             and the {@code checked-by} header of what they write
     */
    public static OrderStream start(StreamSettings settings, ShipmentChecker checker, Validator validator, String name) {
        List<OrderLineConsumer> consumers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 1; i <= settings.consumers(); i++) {
            OrderLineConsumer consumer = new OrderLineConsumer(settings, name + "-" + i, checker, validator);
            Thread thread = new Thread(consumer, "tradecheck-stream-" + name + "-" + i);
            thread.setDaemon(true);
            consumers.add(consumer);
            threads.add(thread);
        }
        threads.forEach(Thread::start);
        return new OrderStream(consumers, threads);
    }

    /** The default name: host and process id, so the consumers of every replica are told apart. */
    public static String defaultName() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return "tradecheck-" + host + "-" + ProcessHandle.current().pid();
    }

    /** Lines answered (a result or a dead letter) and committed by this process's consumers so far. */
    public long linesDone() {
        return consumers.stream().mapToLong(OrderLineConsumer::linesDone).sum();
    }

    public long deadLetters() {
        return consumers.stream().mapToLong(OrderLineConsumer::deadLetters).sum();
    }

    /** Polls checked again after a failure: each one may have answered some lines twice. */
    public long retries() {
        return consumers.stream().mapToLong(OrderLineConsumer::retries).sum();
    }

    /** Consumers still running (one ends on an error it cannot retry, such as refused credentials). */
    public long running() {
        return threads.stream().filter(Thread::isAlive).count();
    }

    /**
     * Stops every consumer after the lines it has in hand are answered and committed, then leaves the group (whose
     * other members take the partitions over at once). Waits at most {@code timeout} in all.
     */
    public void stop(Duration timeout) {
        consumers.forEach(OrderLineConsumer::stop);
        long deadline = System.nanoTime() + timeout.toNanos();
        for (Thread thread : threads) {
            try {
                thread.join(Math.max(1, (deadline - System.nanoTime()) / 1_000_000));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    @Override
    public void close() {
        stop(Duration.ofSeconds(30));
    }
}
