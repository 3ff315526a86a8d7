package io.tradecheck.batch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/** Results as NDJSON: one JSON object per line, in the order of the input lines. */
final class NdjsonResultWriter implements ResultWriter {
    // No flush per line: the stream is flushed by its buffer, and at the end.
    static final ObjectMapper MAPPER = JsonMapper.builder().disable(SerializationFeature.FLUSH_AFTER_WRITE_VALUE).build();
    private static final ObjectWriter LINE = MAPPER.writerFor(LineResult.class);

    private final JsonGenerator json;

    NdjsonResultWriter(OutputStream out) throws IOException {
        this.json = MAPPER.createGenerator(new BufferedOutputStream(out, 64 * 1024));
        this.json.setRootValueSeparator(null);
    }

    @Override
    public void write(LineResult result) throws IOException {
        LINE.writeValue(json, result);
        json.writeRaw('\n');
    }

    @Override
    public void close() throws IOException {
        json.close();
    }
}
