package io.tradecheck.batch;

import static io.tradecheck.model.JsonReadErrors.firstLine;
import static io.tradecheck.model.JsonReadErrors.pathOf;
import static io.tradecheck.model.JsonReadErrors.typeName;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.RequestFields;
import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * Streams an NDJSON order file: one JSON check request per line, read with the same strictness as the pre-check API
 * (unknown fields, duplicate keys and trailing tokens are errors). Each line is parsed on its own, so a malformed
 * line is an error for that line and the next one is read as usual. A line longer than {@value #MAX_LINE_CHARS}
 * characters is an error too, so a file without line breaks cannot fill the memory.
 */
public final class NdjsonOrderReader implements OrderReader {
    static final int MAX_LINE_CHARS = 1 << 20;

    /** The settings of {@code io.tradecheck.api.JsonStrictness}, which the API's mapper gets from Quarkus. */
    private static final ObjectReader REQUEST = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build().readerFor(CheckRequest.class);

    private final Reader source;
    private final char[] buffer = new char[16 * 1024];
    private int position;
    private int limit;

    NdjsonOrderReader(Reader source) {
        this.source = source;
    }

    @Override
    public List<String> columns() {
        return RequestFields.NAMES;
    }

    @Override
    public void forEachLine(Consumer<OrderLine> sink) throws IOException {
        StringBuilder line = new StringBuilder(256);
        long number = 0;
        while (true) {
            line.setLength(0);
            boolean tooLong = false;
            int c;
            boolean any = false;
            while ((c = read()) >= 0 && c != '\n') {
                any = true;
                if (line.length() < MAX_LINE_CHARS) {
                    line.append((char) c);
                } else {
                    tooLong = true;
                }
            }
            if (c < 0 && !any) {
                return;
            }
            number++;
            if (tooLong) {
                sink.accept(OrderLine.unreadable(number, LineError.WHOLE_LINE,
                        "the line is longer than " + MAX_LINE_CHARS + " characters"));
            } else if (!line.isEmpty() && !line.toString().isBlank()) {
                sink.accept(parse(number, line.toString()));
            }
            if (c < 0) {
                return;
            }
        }
    }

    /**
     * One NDJSON line read as a request, or the reasons it cannot be: also how an order line arriving on its own (a
     * Kafka record) is read, so a stream and a file accept and refuse exactly the same lines.
     */
    public static OrderLine parse(long number, String text) {
        if (text.indexOf('\uFFFD') >= 0) {
            return OrderLine.unreadable(number, LineError.WHOLE_LINE, "is not valid UTF-8 text (save the file as UTF-8)");
        }
        try {
            CheckRequest request = REQUEST.readValue(text);
            if (request == null) {
                return OrderLine.unreadable(number, LineError.WHOLE_LINE, "expected a JSON object, got null");
            }
            return OrderLine.of(number, request);
        } catch (UnrecognizedPropertyException e) {
            String hint = RequestFields.nearest(e.getPropertyName());
            return OrderLine.unreadable(number, e.getPropertyName(), "unknown field"
                    + (hint == null ? "" : " (did you mean '" + hint + "'?)"));
        } catch (InvalidFormatException e) {
            return OrderLine.unreadable(number, pathOf(e), "cannot read '" + e.getValue() + "' as "
                    + typeName(e.getTargetType()));
        } catch (JsonParseException e) {
            return OrderLine.unreadable(number, LineError.WHOLE_LINE, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        } catch (JsonMappingException e) {
            String path = pathOf(e);
            return OrderLine.unreadable(number, path.isEmpty() ? LineError.WHOLE_LINE : path,
                    (path.isEmpty() ? "expected a JSON object with the request fields: " : "wrong type: ")
                            + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            return OrderLine.unreadable(number, LineError.WHOLE_LINE, "not valid JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private int read() throws IOException {
        if (position == limit) {
            limit = source.read(buffer, 0, buffer.length);
            position = 0;
            if (limit <= 0) {
                limit = 0;
                return -1;
            }
        }
        return buffer[position++];
    }




    @Override
    public void close() throws IOException {
        source.close();
    }
}
