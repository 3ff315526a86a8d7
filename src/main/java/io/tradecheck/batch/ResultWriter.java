package io.tradecheck.batch;

import java.io.Closeable;
import java.io.IOException;
import java.io.OutputStream;

/** Writes line results as they come, in order; closing flushes and closes the stream. */
public interface ResultWriter extends Closeable {

    void write(LineResult result) throws IOException;

    static ResultWriter of(ResultFormat format, OutputStream out) throws IOException {
        return format == ResultFormat.NDJSON ? new NdjsonResultWriter(out) : new CsvResultWriter(out);
    }

    /** Keeps nothing: for a summary-only run. */
    static ResultWriter discarding() {
        return new ResultWriter() {
            @Override
            public void write(LineResult result) {
            }

            @Override
            public void close() {
            }
        };
    }
}
