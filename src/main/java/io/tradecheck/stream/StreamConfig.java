package io.tradecheck.stream;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * The service's order-line stream ({@code tradecheck.stream.*}, docs/streams.md). Off by default: a single node needs
 * no broker. Kept apart from {@code TradecheckConfig} because it is optional and documented with the stream.
 */
@ConfigMapping(prefix = "tradecheck.stream")
public interface StreamConfig {
    /** Run the consumers in this service. */
    @WithDefault("false")
    boolean enabled();

    @WithDefault("localhost:9092")
    String bootstrapServers();

    @WithDefault(StreamSettings.ORDERS)
    String ordersTopic();

    @WithDefault(StreamSettings.RESULTS)
    String resultsTopic();

    @WithDefault(StreamSettings.DEAD_LETTERS)
    String deadLetterTopic();

    @WithDefault(StreamSettings.GROUP)
    String groupId();

    /** Consumers (threads) in this replica; every replica's consumers share the group. */
    @WithDefault("1")
    int consumers();

    /** The caller the decision log records for each line. */
    @WithDefault("stream")
    String caller();

    /** How long a stop waits for the consumers to answer and commit the lines in hand. */
    @WithDefault("30s")
    Duration stopTimeout();

    /** Further Kafka client settings, e.g. {@code tradecheck.stream.kafka."security.protocol"=SASL_SSL}. */
    Map<String, String> kafka();

    /** Names this replica's consumers in the group (default: host and process id). */
    Optional<String> name();
}
