package io.tradecheck.batch;

import java.io.Closeable;
import java.io.IOException;
import java.util.function.Consumer;

/**
 * Streams the lines of an order file, in file order, one at a time: nothing holds the whole file. Opening a reader
 * has already checked what makes the whole file unreadable (format, encoding, header), so a bad line later on is
 * only ever a line error.
 */
public interface OrderReader extends Closeable {

    /** Hands every non-empty line to {@code sink}, in order; an exception thrown by the sink stops the reading. */
    void forEachLine(Consumer<OrderLine> sink) throws IOException;

    /** The column names of the header, as they will be matched to request fields. */
    java.util.List<String> columns();
}
