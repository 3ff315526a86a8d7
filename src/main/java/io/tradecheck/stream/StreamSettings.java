package io.tradecheck.stream;

import java.util.Map;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;

/**
 * Where an order-line stream reads and writes, and as whom: the same for the service ({@code tradecheck.stream.*}),
 * the command line ({@code tradecheck stream}) and the tests.
 *
 * @param bootstrapServers the Kafka brokers, {@code host:port,...}
 * @param ordersTopic      order lines in: one JSON check request per record, as one line of an NDJSON order file
 * @param resultsTopic     one result per line, keyed by the order line's key
 * @param deadLetterTopic  lines that cannot be checked, unchanged, with the reason in their headers
 * @param groupId          the consumer group: every consumer in it shares the order topic's partitions
 * @param consumers        consumers (threads) in this process
 * @param caller           the name the decision log records for each line (the service; the command line logs none)
 * @param kafka            further Kafka client settings (security, timeouts), given to consumers and producers alike;
 *                         they override the settings this class chooses
 */
public record StreamSettings(String bootstrapServers, String ordersTopic, String resultsTopic, String deadLetterTopic,
                             String groupId, int consumers, String caller, Map<String, String> kafka) {
    public static final String ORDERS = "tradecheck.orders";
    public static final String RESULTS = "tradecheck.results";
    public static final String DEAD_LETTERS = "tradecheck.orders.dlq";
    public static final String GROUP = "tradecheck";

    public StreamSettings {
        if (consumers < 1) {
            throw new IllegalArgumentException("consumers must be at least 1, got " + consumers);
        }
        kafka = Map.copyOf(kafka);
    }

    /**
     * Offsets are committed by the consumer itself, only once every result of a poll is acknowledged by the brokers
     * (at-least-once); a new group starts at the oldest line still on the topic, so no line sent before the first
     * consumer started is skipped.
     */
    Properties consumer(String clientId) {
        Properties p = new Properties();
        p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ConsumerConfig.GROUP_ID_CONFIG, groupId);
        p.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        p.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        p.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "500");
        p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        return withOwn(p, ConsumerConfig.configNames());
    }

    /** Idempotent and acknowledged by every in-sync replica: a result the consumer waited for is not lost. */
    Properties producer(String clientId) {
        Properties p = new Properties();
        p.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        p.put(ProducerConfig.CLIENT_ID_CONFIG, clientId);
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        // The consumer waits for every answer before it commits: an answer the brokers do not take within 30 s (the
        // client's default is 120 s) fails the poll, which is then checked again, rather than holding its partitions.
        p.put(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, "15000");
        p.put(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, "30000");
        p.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        p.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        return withOwn(p, ProducerConfig.configNames());
    }

    /** The settings given in {@link #kafka} that this kind of client knows, over the chosen ones. */
    private Properties withOwn(Properties chosen, java.util.Set<String> known) {
        kafka.forEach((k, v) -> {
            if (known.contains(k)) {
                chosen.put(k, v);
            }
        });
        return chosen;
    }
}
