package io.tradecheck.stream;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecheck.batch.BatchOrigin;
import io.tradecheck.batch.LineChecker;
import io.tradecheck.batch.LineError;
import io.tradecheck.batch.LineResult;
import io.tradecheck.batch.NdjsonOrderReader;
import io.tradecheck.batch.OrderLine;
import io.tradecheck.decisionlog.DecisionLogUnavailableException;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.RuleSetRef;
import jakarta.validation.Validator;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.consumer.CommitFailedException;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.RebalanceInProgressException;
import org.jboss.logging.Logger;

/**
 * One consumer of the order topic, on its own thread: it polls order lines, checks each with the batch path's
 * {@link LineChecker} (the API's validation, then {@link ShipmentChecker}), sends a result or a dead letter per line,
 * waits until the brokers have acknowledged every one, and only then commits the poll's offsets.
 *
 * <p>At-least-once: a consumer killed between sending and committing leaves lines that the partition's next owner in
 * the group checks again, so a line may be answered twice (same key, same answer on the same rules), never not at all.
 * The rule set is taken once per poll, so an activation is in force from the next poll on.
 */
public final class OrderLineConsumer implements Runnable {
    private static final Logger LOG = Logger.getLogger(OrderLineConsumer.class);
    /** The batch NDJSON output's fields and names: {@link LineResult}'s own annotations decide them. */
    private static final ObjectWriter RESULT = JsonMapper.builder().build().writerFor(LineResult.class);
    private static final Duration POLL = Duration.ofMillis(200);
    /** After a failure (decision log or brokers unavailable) the poll's lines are checked again after this pause. */
    private static final Duration RETRY_AFTER = Duration.ofSeconds(1);
    /** The decision log's batch-job column holds 64 characters. */
    private static final int JOB_CHARS = 64;

    private final StreamSettings settings;
    private final String clientId;
    private final ShipmentChecker checker;
    private final Validator validator;
    private final Consumer<byte[], byte[]> consumer;
    private final Producer<byte[], byte[]> producer;
    private final AtomicLong linesDone = new AtomicLong();
    private final AtomicLong deadLetters = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();
    private volatile boolean stopping;

    OrderLineConsumer(StreamSettings settings, String clientId, ShipmentChecker checker, Validator validator) {
        this.settings = settings;
        this.clientId = clientId;
        this.checker = checker;
        this.validator = validator;
        this.consumer = new KafkaConsumer<>(settings.consumer(clientId));
        this.producer = new KafkaProducer<>(settings.producer(clientId));
    }

    @Override
    public void run() {
        try {
            consumer.subscribe(List.of(settings.ordersTopic()));
            while (!stopping) {
                ConsumerRecords<byte[], byte[]> lines = consumer.poll(POLL);
                if (!lines.isEmpty()) {
                    answer(lines);
                }
            }
        } catch (RuntimeException e) {
            LOG.errorf(e, "Stream consumer %s stopped on an error; its partitions go to the group's other consumers",
                    clientId);
        } finally {
            // Leaving the group hands the partitions over at once; lines answered but not committed are checked again.
            consumer.close();
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Ends the loop after the poll in hand: its lines are answered and committed first. */
    void stop() {
        stopping = true;
    }

    /** Lines answered (result or dead letter) and committed by this consumer. */
    long linesDone() {
        return linesDone.get();
    }

    long deadLetters() {
        return deadLetters.get();
    }

    /** Polls checked again after a failure (decision log or brokers unavailable, an answer not acknowledged in time). */
    long retries() {
        return retries.get();
    }

    String clientId() {
        return clientId;
    }

    private void answer(ConsumerRecords<byte[], byte[]> lines) {
        RuleSet ruleSet = checker.rules().current();
        List<Future<RecordMetadata>> sent = new ArrayList<>(lines.count());
        long dead = 0;
        try {
            for (TopicPartition partition : lines.partitions()) {
                LineChecker check = new LineChecker(checker, validator, ruleSet, origin(partition));
                for (ConsumerRecord<byte[], byte[]> line : lines.records(partition)) {
                    ProducerRecord<byte[], byte[]> answer = answer(line, check, ruleSet.ref());
                    dead += answer.topic().equals(settings.deadLetterTopic()) ? 1 : 0;
                    sent.add(producer.send(answer));
                }
            }
            producer.flush();
            for (Future<RecordMetadata> acknowledged : sent) {
                acknowledged.get();
            }
        } catch (DecisionLogUnavailableException | ExecutionException | KafkaException e) {
            // Not the lines' fault: nothing of this poll is committed, and it is checked again from its first line.
            LOG.warnf("Stream consumer %s: %d lines to check again after %s: %s", clientId, lines.count(), RETRY_AFTER,
                    e.getMessage());
            retries.incrementAndGet();
            rewind(lines);
            pause();
            return;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            rewind(lines);
            stopping = true;
            return;
        }
        try {
            consumer.commitSync(nextOffsets(lines));
            linesDone.addAndGet(lines.count());
            deadLetters.addAndGet(dead);
        } catch (CommitFailedException | RebalanceInProgressException e) {
            LOG.warnf("Stream consumer %s: %d lines answered but not committed (the group rebalanced); the partitions' "
                    + "new owners check them again", clientId, lines.count());
        }
    }

    private ProducerRecord<byte[], byte[]> answer(ConsumerRecord<byte[], byte[]> line, LineChecker check,
                                                  RuleSetRef ruleSet) {
        // The record's offset stands for the line number of a file: results and dead letters name it.
        OrderLine order = line.value() == null
                ? OrderLine.unreadable(line.offset(), LineError.WHOLE_LINE,
                        "the record has no value: an order line is one JSON check request")
                : NdjsonOrderReader.parse(line.offset(), new String(line.value(), StandardCharsets.UTF_8));
        LineResult result = check.apply(order);
        if (result.isError()) {
            return new ProducerRecord<>(settings.deadLetterTopic(), null, line.key(), line.value(),
                    StreamHeaders.ofDeadLetter(line, clientId, result));
        }
        return new ProducerRecord<>(settings.resultsTopic(), null, line.key(), json(result),
                StreamHeaders.ofResult(line, clientId, ruleSet));
    }

    /** Each line is logged as a line of the batch job {@code stream:<topic>/<partition>}, its offset as line number. */
    private BatchOrigin origin(TopicPartition partition) {
        if (settings.caller() == null) {
            return null;
        }
        String suffix = "/" + partition.partition();
        String topic = partition.topic();
        int room = JOB_CHARS - "stream:".length() - suffix.length();
        return new BatchOrigin(settings.caller(),
                "stream:" + (topic.length() > room ? topic.substring(0, room) : topic) + suffix);
    }

    private static byte[] json(LineResult result) {
        try {
            return RESULT.writeValueAsBytes(result);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<TopicPartition, OffsetAndMetadata> nextOffsets(ConsumerRecords<?, ?> lines) {
        Map<TopicPartition, OffsetAndMetadata> next = new HashMap<>();
        for (TopicPartition partition : lines.partitions()) {
            List<? extends ConsumerRecord<?, ?>> records = lines.records(partition);
            next.put(partition, new OffsetAndMetadata(records.get(records.size() - 1).offset() + 1));
        }
        return next;
    }

    private void rewind(ConsumerRecords<?, ?> lines) {
        for (TopicPartition partition : lines.partitions()) {
            consumer.seek(partition, lines.records(partition).get(0).offset());
        }
    }

    private void pause() {
        try {
            Thread.sleep(RETRY_AFTER.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            stopping = true;
        }
    }
}
