package io.tradecheck.stream;

import static io.tradecheck.security.TestUsers.asAuditor;
import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/**
 * The stream inside the service ({@code tradecheck.stream.enabled=true}): lines from the topic are decided on the rules
 * in force and kept in the decision log like the lines of a batch, under the job {@code stream:<topic>/<partition>}.
 */
@QuarkusTest
@TestProfile(StreamProfile.class)
class StreamServiceTest {
    /** Set by the profile's broker (a test resource runs in another class loader: no static field to share). */
    @ConfigProperty(name = "tradecheck.stream.bootstrap-servers")
    String bootstrapServers;

    @Test
    void streamedLinesAreAnsweredOnTheRulesInForceAndKeptInTheDecisionLog() throws Exception {
        // The H2 log under target/ outlives a run, and a new broker numbers offsets from 0 again: only this run's lines.
        java.time.Instant before = java.time.Instant.now().minusSeconds(1);
        List<String> lines = Files.readAllLines(Path.of("src/test/resources/batch/orders.ndjson"), StandardCharsets.UTF_8);
        List<Long> offsets = new ArrayList<>();
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            for (int i = 0; i < lines.size(); i++) {
                RecordMetadata sent = producer.send(new ProducerRecord<>(StreamProfile.ORDERS, "line-" + i, lines.get(i))).get();
                offsets.add(sent.offset());
            }
            producer.send(new ProducerRecord<>(StreamProfile.ORDERS, "poison", "{\"reference\":")).get();
        }
        String digest = asChecker().get("/api/v1/rules").then().statusCode(200).extract().path("digest");

        try (TopicReader results = new TopicReader(bootstrapServers, StreamProfile.RESULTS);
             TopicReader deadLetters = new TopicReader(bootstrapServers, StreamProfile.DEAD_LETTERS)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            // orders.ndjson: three good lines, then one with a misspelt field; and a poison line of broken JSON.
            while (results.keys().size() < 3 || deadLetters.keys().size() < 2) {
                assertTrue(System.nanoTime() < deadline, "results within 60 s: " + results.keys() + deadLetters.keys());
                Thread.sleep(50);
            }
            for (ConsumerRecord<byte[], byte[]> r : results.records()) {
                assertEquals(digest, StreamHeaders.text(r.headers(), StreamHeaders.RULE_SET_DIGEST));
                assertTrue(StreamHeaders.text(r.headers(), StreamHeaders.CHECKED_BY).startsWith("service-"));
            }
            assertEquals(java.util.Set.of("line-0", "line-1", "line-2"), results.keys());
            assertEquals(java.util.Set.of("line-3", "poison"), deadLetters.keys());
        }

        String job = "stream:" + StreamProfile.ORDERS + "/0";
        asAuditor().queryParam("batchJob", job).queryParam("from", before.toString()).queryParam("limit", 100).when().get("/api/v1/decisions")
                .then().statusCode(200)
                .body("total", equalTo(3))
                .body("items.caller", everyItem(equalTo("stream")))
                .body("items.ruleSet.digest", everyItem(equalTo(digest)))
                .body("items.batchLine", containsInAnyOrder(offsets.subList(0, 3).stream().map(Long::intValue).toArray()));
    }
}
