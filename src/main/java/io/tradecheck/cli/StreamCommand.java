package io.tradecheck.cli;

import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.pack.RulePackException;
import io.tradecheck.stream.OrderStream;
import io.tradecheck.stream.StreamSettings;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code tradecheck stream}: consumers of the order-line stream on a local rules folder (docs/streams.md), without
 * the service and without the decision log, until stopped (SIGTERM or Ctrl-C: the lines in hand are answered and
 * committed first).
 */
@Command(name = "stream", mixinStandardHelpOptions = true,
        description = {"Check order lines from a Kafka topic (one JSON check request per record, as an NDJSON order "
                + "line) and write one result per line to the results topic, keyed as the line; a line that cannot be "
                + "checked goes unchanged to the dead-letter topic with the reason in its headers.",
                "Runs until stopped. Offsets are committed once the results are acknowledged: at-least-once."})
class StreamCommand implements Callable<Integer> {
    /** Held here: JUL keeps loggers weakly. The Kafka clients log every setting at INFO when they start. */
    private static final Logger KAFKA_LOG = Logger.getLogger("org.apache.kafka");

    @Option(names = "--bootstrap-servers", paramLabel = "HOST:PORT,...", defaultValue = "localhost:9092",
            description = "Kafka brokers (default: ${DEFAULT-VALUE})")
    String bootstrapServers;

    @Option(names = "--orders-topic", paramLabel = "TOPIC", defaultValue = StreamSettings.ORDERS,
            description = "Order lines in (default: ${DEFAULT-VALUE})")
    String ordersTopic;

    @Option(names = "--results-topic", paramLabel = "TOPIC", defaultValue = StreamSettings.RESULTS,
            description = "Results out (default: ${DEFAULT-VALUE})")
    String resultsTopic;

    @Option(names = "--dead-letter-topic", paramLabel = "TOPIC", defaultValue = StreamSettings.DEAD_LETTERS,
            description = "Lines that cannot be checked (default: ${DEFAULT-VALUE})")
    String deadLetterTopic;

    @Option(names = "--group", paramLabel = "ID", defaultValue = StreamSettings.GROUP,
            description = "Consumer group shared with every other consumer of the stream (default: ${DEFAULT-VALUE})")
    String group;

    @Option(names = "--consumers", paramLabel = "N", defaultValue = "1",
            description = "Consumers (threads) in this process (default: ${DEFAULT-VALUE})")
    int consumers;

    @Option(names = "--name", paramLabel = "NAME",
            description = "Names this process's consumers in the group and in the checked-by header (default: host and pid)")
    String name;

    @Option(names = "--kafka", paramLabel = "KEY=VALUE",
            description = "A further Kafka client setting (security, timeouts); repeatable")
    Map<String, String> kafka = new LinkedHashMap<>();

    @Mixin
    RulePackOptions rules;

    @Override
    public Integer call() throws InterruptedException {
        KAFKA_LOG.setLevel(Level.WARNING);
        ShipmentChecker checker;
        try {
            checker = rules.compile();
        } catch (RulePackException e) {
            System.err.println("tradecheck: the rules folder " + rules.rulesDir + " does not compile:");
            e.problems().forEach(p -> System.err.println("  " + p));
            return ExitCodes.RULES_INVALID;
        }
        StreamSettings settings = new StreamSettings(bootstrapServers, ordersTopic, resultsTopic, deadLetterTopic,
                group, consumers, null, kafka);
        OrderStream stream = OrderStream.start(settings, checker, RequestValidation.validator(),
                name != null ? name : OrderStream.defaultName());
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            stream.stop(Duration.ofSeconds(30));
            System.out.printf("tradecheck stream: stopped; %,d lines answered, %,d of them dead letters%n",
                    stream.linesDone(), stream.deadLetters());
            System.out.flush();
            stopped.countDown();
        }, "tradecheck-stream-stop"));
        System.out.printf("tradecheck stream: %d consumer(s) in group %s on %s, %s -> %s (dead letters: %s), rule set %s%n",
                consumers, group, bootstrapServers, ordersTopic, resultsTopic, deadLetterTopic,
                checker.rules().current().ref().version());
        System.out.flush();
        while (stream.running() > 0) {
            Thread.sleep(500);
        }
        // Every consumer ended on an error (logged): nothing is consuming, so say so with the exit code.
        return stopped.getCount() == 0 ? ExitCodes.OK : ExitCodes.UNREADABLE_FILE;
    }
}
