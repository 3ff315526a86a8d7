package io.tradecheck.stream;

import io.tradecheck.batch.LineResult;
import io.tradecheck.model.RuleSetRef;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;

/**
 * The headers of what a stream writes (docs/streams.md). Every result and dead letter names the order line it answers
 * (topic, partition, offset) and the consumer that checked it; a result also names the rule set that decided it; a dead
 * letter says why the line could not be checked, worded as the batch output words it (field and reason).
 */
public final class StreamHeaders {
    public static final String SOURCE_TOPIC = "source-topic";
    public static final String SOURCE_PARTITION = "source-partition";
    public static final String SOURCE_OFFSET = "source-offset";
    public static final String CHECKED_BY = "checked-by";
    public static final String RULE_SET_VERSION = "rule-set-version";
    public static final String RULE_SET_DIGEST = "rule-set-digest";
    public static final String ERROR = "error";
    public static final String ERROR_FIELD = "error-field";

    private StreamHeaders() {
    }

    static Headers ofResult(ConsumerRecord<?, ?> line, String checkedBy, RuleSetRef ruleSet) {
        return source(line, checkedBy)
                .add(RULE_SET_VERSION, bytes(ruleSet.version()))
                .add(RULE_SET_DIGEST, bytes(ruleSet.digest()));
    }

    static Headers ofDeadLetter(ConsumerRecord<?, ?> line, String checkedBy, LineResult error) {
        Headers headers = source(line, checkedBy).add(ERROR, bytes(error.reason()));
        if (error.column() != null) {
            headers.add(ERROR_FIELD, bytes(error.column()));
        }
        return headers;
    }

    private static Headers source(ConsumerRecord<?, ?> line, String checkedBy) {
        return new RecordHeaders()
                .add(SOURCE_TOPIC, bytes(line.topic()))
                .add(SOURCE_PARTITION, bytes(Integer.toString(line.partition())))
                .add(SOURCE_OFFSET, bytes(Long.toString(line.offset())))
                .add(CHECKED_BY, bytes(checkedBy));
    }

    /** The text of a header, or null when the record has none of that name. */
    public static String text(Headers headers, String name) {
        Header h = headers.lastHeader(name);
        return h == null || h.value() == null ? null : new String(h.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
