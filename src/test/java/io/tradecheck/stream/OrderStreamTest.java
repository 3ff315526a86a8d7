package io.tradecheck.stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tradecheck.batch.LineChecker;
import io.tradecheck.batch.LineResult;
import io.tradecheck.batch.NdjsonOrderReader;
import io.tradecheck.batch.OrderLine;
import io.tradecheck.batch.ShipmentSamples;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.validation.RequestValidation;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import jakarta.validation.Validator;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The order-line stream against a real Kafka broker (KRaft, in this JVM, {@link KafkaBroker}): every line answered
 * exactly as a single check answers it, poison lines on the dead-letter topic with their error, and a consumer
 * killed (SIGKILL, a separate JVM) in the middle of the stream losing no line.
 */
@Timeout(value = 150, unit = TimeUnit.SECONDS)
class OrderStreamTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .serializationInclusion(JsonInclude.Include.NON_NULL).build();
    private static final Validator VALIDATOR = RequestValidation.validator();
    private static final Path POISON = Path.of("src/test/resources/batch/bad-lines.ndjson");
    private static final Duration WAIT = Duration.ofSeconds(60);

    private static KafkaBroker broker;
    private static ShipmentChecker checker;

    @BeforeAll
    static void startBroker() throws IOException {
        broker = KafkaBroker.start();
        checker = new ShipmentChecker(new ActiveRuleSet(new RulePackCompiler().compile(
                RulePackSource.fromDirectory(Path.of("rules")))), ZoneId.of("America/New_York"));
    }

    @AfterAll
    static void stopBroker() {
        if (broker != null) {
            broker.close();
        }
    }

    @Test
    void everyLineIsAnsweredAsASingleCheckAnswersItAndPoisonLinesGoToTheDeadLetterTopic() throws Exception {
        StreamSettings settings = settings("answers", 2, Map.of());
        broker.createTopics(3, settings.ordersTopic(), settings.resultsTopic(), settings.deadLetterTopic());
        Map<String, byte[]> lines = new LinkedHashMap<>();
        Map<String, CheckRequest> requests = new HashMap<>();
        for (CheckRequest request : ShipmentSamples.generate(new Random(15), 400)) {
            lines.put(request.reference(), JSON.writeValueAsBytes(request));
            requests.put(request.reference(), request);
        }
        List<String> poison = Files.readAllLines(POISON, StandardCharsets.UTF_8);
        for (int i = 0; i < poison.size(); i++) {
            lines.put("bad-lines:" + (i + 1), poison.get(i).getBytes(StandardCharsets.UTF_8));
        }
        Map<String, RecordMetadata> sent = send(settings.ordersTopic(), lines);
        Map<String, LineResult> expectedErrors = new HashMap<>();
        lines.forEach((key, value) -> {
            OrderLine line = NdjsonOrderReader.parse(0, new String(value, StandardCharsets.UTF_8));
            var errors = LineChecker.errorsOf(line, VALIDATOR);
            if (!errors.isEmpty()) {
                expectedErrors.put(key, LineResult.error(0, line.reference(), errors));
            }
        });
        assertTrue(expectedErrors.size() >= 10, "the sample must hold invalid lines besides the poison file's");

        try (OrderStream stream = OrderStream.start(settings, checker, VALIDATOR, "answers");
             TopicReader results = new TopicReader(broker.bootstrapServers(), settings.resultsTopic());
             TopicReader deadLetters = new TopicReader(broker.bootstrapServers(), settings.deadLetterTopic())) {
            await(() -> results.keys().size() + deadLetters.keys().size() >= lines.size()
                    && stream.linesDone() >= lines.size(), "every line answered");

            assertEquals(lines.size() - expectedErrors.size(), results.keys().size());
            String digest = checker.rules().current().ref().digest();
            for (ConsumerRecord<byte[], byte[]> result : results.records()) {
                String key = new String(result.key(), StandardCharsets.UTF_8);
                CheckRequest request = key.startsWith("PO-") ? requests.get(key)
                        : NdjsonOrderReader.parse(0, new String(lines.get(key), StandardCharsets.UTF_8)).request();
                // The same engine, asked once for this line alone: the stream must give the very same answer.
                LineResult single = LineResult.of(0, checker.check(request));
                assertEquals(withoutLine(JSON.readTree(JSON.writeValueAsBytes(single))),
                        withoutLine(JSON.readTree(result.value())), key);
                assertEquals(Long.toString(sent.get(key).offset()), header(result, StreamHeaders.SOURCE_OFFSET), key);
                assertEquals(sent.get(key).offset(), JSON.readTree(result.value()).get("line").asLong(),
                        "the result's line is the order line's offset");
                assertEquals(digest, header(result, StreamHeaders.RULE_SET_DIGEST));
            }

            assertEquals(expectedErrors.keySet(), deadLetters.keys());
            for (ConsumerRecord<byte[], byte[]> dead : deadLetters.records()) {
                String key = new String(dead.key(), StandardCharsets.UTF_8);
                assertEquals(new String(lines.get(key), StandardCharsets.UTF_8),
                        new String(dead.value(), StandardCharsets.UTF_8), "a dead letter is the line unchanged");
                assertEquals(expectedErrors.get(key).reason(), header(dead, StreamHeaders.ERROR), key);
                assertEquals(settings.ordersTopic(), header(dead, StreamHeaders.SOURCE_TOPIC));
                assertEquals(Integer.toString(sent.get(key).partition()), header(dead, StreamHeaders.SOURCE_PARTITION));
                assertEquals(Long.toString(sent.get(key).offset()), header(dead, StreamHeaders.SOURCE_OFFSET));
            }
            // The batch path's own wording, whatever the line: malformed JSON, a misspelt field, an impossible code.
            assertTrue(header(deadLetters.byKey("bad-lines:2"), StreamHeaders.ERROR).startsWith("not valid JSON"));
            assertEquals("orgin", header(deadLetters.byKey("bad-lines:3"), StreamHeaders.ERROR_FIELD));
            String invalidSample = expectedErrors.keySet().stream().filter(k -> k.startsWith("PO-")).findFirst().orElseThrow();
            assertEquals("hsCode", header(deadLetters.byKey(invalidSample), StreamHeaders.ERROR_FIELD));
            assertEquals(expectedErrors.size(), stream.deadLetters());
        }
    }

    @Test
    void aConsumerKilledMidStreamLosesNoLine() throws Exception {
        // The doomed consumer is told to leave the group 3 s after its last heartbeat, so the survivor takes its
        // partitions over quickly; small polls keep it in the middle of its share when it is killed.
        StreamSettings settings = settings("kill", 1, Map.of());
        broker.createTopics(6, settings.ordersTopic(), settings.resultsTopic(), settings.deadLetterTopic());
        Process doomed = startConsumerProcess(settings, "doomed", Map.of("session.timeout.ms", "3000",
                "heartbeat.interval.ms", "500", "max.poll.records", "50"));
        try (OrderStream survivor = OrderStream.start(settings, checker, VALIDATOR, "survivor");
             TopicReader results = new TopicReader(broker.bootstrapServers(), settings.resultsTopic());
             TopicReader deadLetters = new TopicReader(broker.bootstrapServers(), settings.deadLetterTopic())) {
            await(() -> membersWithPartitions(settings.groupId()) == 2, "both consumers in the group, with partitions");

            Map<String, byte[]> lines = new LinkedHashMap<>();
            for (CheckRequest request : ShipmentSamples.generate(new Random(4711), 6000)) {
                lines.put(request.reference(), JSON.writeValueAsBytes(request));
            }
            send(settings.ordersTopic(), lines);
            await(() -> results.records().stream().anyMatch(r -> header(r, StreamHeaders.CHECKED_BY).startsWith("doomed")),
                    "the doomed consumer answering lines");
            doomed.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
            int answeredAtKill = results.keys().size() + deadLetters.keys().size();
            assertTrue(answeredAtKill < lines.size(), "killed mid-stream: " + answeredAtKill + " of " + lines.size());

            long killedAt = System.nanoTime();
            await(() -> results.keys().size() + deadLetters.keys().size() >= lines.size(), "every line answered");
            System.out.printf("kill -9 of the consumer process after %d of %d lines; all answered %.1f s later "
                    + "(%d results, duplicates included)%n", answeredAtKill, lines.size(),
                    (System.nanoTime() - killedAt) / 1e9, results.records().size());
            Set<String> answered = new HashSet<>(results.keys());
            answered.addAll(deadLetters.keys());
            assertEquals(lines.keySet(), answered, "no line lost");
            Set<String> doomedPartitions = partitionsAnsweredBy(results, "doomed");
            assertFalse(doomedPartitions.isEmpty());
            assertTrue(partitionsAnsweredBy(results, "survivor").containsAll(doomedPartitions),
                    "the survivor took over the killed consumer's partitions " + doomedPartitions);
            // At-least-once: a line answered twice gets the same answer twice.
            Map<String, String> byKey = new HashMap<>();
            for (ConsumerRecord<byte[], byte[]> r : results.records()) {
                String key = new String(r.key(), StandardCharsets.UTF_8);
                String answer = withoutLine(JSON.readTree(r.value())).toString();
                assertEquals(byKey.computeIfAbsent(key, k -> answer), answer, key);
            }
        } finally {
            doomed.destroyForcibly();
        }
    }

    private static StreamSettings settings(String name, int consumers, Map<String, String> kafka) {
        return new StreamSettings(broker.bootstrapServers(), name + ".orders", name + ".results", name + ".orders.dlq",
                name, consumers, null, kafka);
    }

    /** {@code tradecheck stream} in a JVM of its own, on this test's class path and the bundled rules. */
    private static Process startConsumerProcess(StreamSettings s, String name, Map<String, String> kafka)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-Djava.util.logging.manager=org.jboss.logmanager.LogManager",
                "-cp", System.getProperty("java.class.path"), "io.tradecheck.cli.TradecheckCommand", "stream",
                "--bootstrap-servers", s.bootstrapServers(), "--orders-topic", s.ordersTopic(),
                "--results-topic", s.resultsTopic(), "--dead-letter-topic", s.deadLetterTopic(),
                "--group", s.groupId(), "--name", name));
        kafka.forEach((k, v) -> command.addAll(List.of("--kafka", k + "=" + v)));
        Path log = Files.createTempFile("tradecheck-stream-" + name, ".log");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        try {
            awaitStart(process, log);
        } catch (AssertionError | InterruptedException | RuntimeException e) {
            process.destroyForcibly();
            throw e;
        }
        return process;
    }

    private static void awaitStart(Process process, Path log) throws InterruptedException {
        await(() -> {
            try {
                if (!process.isAlive()) {
                    throw new AssertionError("the consumer process ended: " + Files.readString(log));
                }
                return Files.readString(log).contains("tradecheck stream: 1 consumer(s)");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }, "the consumer process started (" + log + ")");
    }

    private static Map<String, RecordMetadata> send(String topic, Map<String, byte[]> lines) throws Exception {
        Map<String, Future<RecordMetadata>> pending = new LinkedHashMap<>();
        try (KafkaProducer<byte[], byte[]> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.bootstrapServers(),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class))) {
            lines.forEach((key, value) -> pending.put(key, producer.send(
                    new ProducerRecord<>(topic, key.getBytes(StandardCharsets.UTF_8), value))));
            producer.flush();
        }
        Map<String, RecordMetadata> sent = new HashMap<>();
        for (var e : pending.entrySet()) {
            sent.put(e.getKey(), e.getValue().get());
        }
        return sent;
    }

    private static long membersWithPartitions(String group) {
        try (Admin admin = broker.admin()) {
            ConsumerGroupDescription d = admin.describeConsumerGroups(List.of(group)).all().get().get(group);
            return d.members().stream().filter(m -> !m.assignment().topicPartitions().isEmpty()).count();
        } catch (Exception e) {
            return 0;
        }
    }

    private static Set<String> partitionsAnsweredBy(TopicReader results, String name) {
        return results.records().stream().filter(r -> header(r, StreamHeaders.CHECKED_BY).startsWith(name))
                .map(r -> header(r, StreamHeaders.SOURCE_PARTITION)).collect(Collectors.toSet());
    }

    private static String header(ConsumerRecord<?, ?> record, String name) {
        String value = StreamHeaders.text(record.headers(), name);
        assertNotNull(value, "header " + name);
        return value;
    }

    private static ObjectNode withoutLine(com.fasterxml.jackson.databind.JsonNode result) {
        ObjectNode copy = ((ObjectNode) result).deepCopy();
        copy.remove("line");
        return copy;
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not within " + WAIT + ": " + what);
            }
            Thread.sleep(50);
        }
    }
}
