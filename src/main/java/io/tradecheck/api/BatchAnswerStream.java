package io.tradecheck.api;

import io.tradecheck.batch.LineResult;
import io.tradecheck.batch.ResultFormat;
import io.tradecheck.batch.ResultWriter;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpServerResponse;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.io.IOException;
import java.io.OutputStream;
import org.jboss.logging.Logger;

/**
 * The streamed answer of a synchronous batch, which starts as 200 before the file has been read to its end. Two
 * faults need more than the status code:
 * <ul>
 * <li>The file turns unreadable half-way (a damaged or bomb XLSX): a last ERROR line says so, then the connection is
 * reset, so the chunked body never ends cleanly and no client can take the partial answer for a whole one.</li>
 * <li>The client goes away (closed the connection, or was cut off, e.g. after a database stall): the next write finds
 * the connection closed and the run stops, instead of deciding and logging the rest of the file for nobody. At most
 * the chunks already in flight finish.</li>
 * </ul>
 */
final class BatchAnswerStream {
    private static final Logger LOG = Logger.getLogger(BatchAnswerStream.class);

    private BatchAnswerStream() {
    }

    /** Results written to {@code out}, failing as soon as the client is gone. Closing it flushes but leaves out open. */
    static ResultWriter writer(ResultFormat format, OutputStream out, HttpServerResponse response) throws IOException {
        ResultWriter inner = ResultWriter.of(format, new KeepOpen(out));
        return new ResultWriter() {
            @Override
            public void write(LineResult result) throws IOException {
                if (response != null && response.closed()) {
                    throw new ClientGone();
                }
                inner.write(result);
            }

            @Override
            public void close() throws IOException {
                inner.close();
            }
        };
    }

    /**
     * Ends a stream that failed after it started: a last ERROR line if possible, then the connection is closed, and
     * closed before this returns. The JAX-RS layer ends the response when the streaming output returns; had the close
     * only been requested (a reset is queued behind the writes), that end could still send the last chunk and the
     * client would take the partial answer for a whole one.
     */
    static void abort(ResultWriter writer, OutputStream out, HttpServerResponse response, HttpConnection connection,
                      long linesDone, Exception cause, String batchId) {
        if (cause instanceof ClientGone) {
            LOG.infof("Batch %s: the client went away after %d line(s); the rest of the file is not decided", batchId,
                    linesDone);
        } else {
            LOG.warnf("Batch %s stopped after %d line(s): %s; the answer is ended as incomplete", batchId, linesDone,
                    cause.getMessage());
            try {
                writer.write(new LineResult(linesDone + 1, null, LineResult.ERROR, null, null, null, null, "file",
                        "INCOMPLETE: the file could not be read past this point (" + cause.getMessage() + "); only "
                                + "the lines above were decided. Fix the file and send it again."));
                writer.close();
                out.flush();
            } catch (IOException | RuntimeException e) {
                // The client may be gone as well: the close below is what counts.
            }
        }
        if (connection != null) {
            try {
                connection.close().toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
                return;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (ExecutionException | TimeoutException | RuntimeException e) {
                LOG.debugf("Batch %s: closing the connection: %s", batchId, e);
            }
        }
        if (response != null && !response.closed()) {
            response.reset();
        }
    }

    /** The client closed the connection while its answer was being written. */
    static final class ClientGone extends IOException {
        ClientGone() {
            super("the client closed the connection", null);
        }
    }

    /** Flushes on close instead of closing: the HTTP layer ends the body, and only when the run succeeded. */
    private static final class KeepOpen extends OutputStream {
        private final OutputStream out;

        KeepOpen(OutputStream out) {
            this.out = out;
        }

        @Override
        public void write(int b) throws IOException {
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            out.write(b, off, len);
        }

        @Override
        public void flush() throws IOException {
            out.flush();
        }

        @Override
        public void close() throws IOException {
            out.flush();
        }
    }
}
