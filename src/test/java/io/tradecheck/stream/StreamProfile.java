package io.tradecheck.stream;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;

/** The service with its order-line stream on, against a real broker started before the service ({@link Broker}). */
public class StreamProfile implements QuarkusTestProfile {
    static final String ORDERS = "service.orders";
    static final String RESULTS = "service.results";
    static final String DEAD_LETTERS = "service.orders.dlq";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "tradecheck.stream.enabled", "true",
                "tradecheck.stream.orders-topic", ORDERS,
                "tradecheck.stream.results-topic", RESULTS,
                "tradecheck.stream.dead-letter-topic", DEAD_LETTERS,
                "tradecheck.stream.consumers", "2",
                "tradecheck.stream.name", "service");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(Broker.class));
    }

    /** Starts the broker and the stream's topics before the service, and gives the service its address. */
    public static class Broker implements QuarkusTestResourceLifecycleManager {
        private KafkaBroker broker;

        @Override
        public Map<String, String> start() {
            try {
                broker = KafkaBroker.start();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            broker.createTopics(1, ORDERS, RESULTS, DEAD_LETTERS);
            return Map.of("tradecheck.stream.bootstrap-servers", broker.bootstrapServers());
        }

        @Override
        public void stop() {
            if (broker != null) {
                broker.close();
                broker = null;
            }
        }
    }
}
