package io.tradecheck.batch;

import io.tradecheck.model.RuleSetRef;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Reads, checks and writes an order file in one streaming pass. The reading thread cuts the lines into chunks, the
 * executor checks chunks in parallel, and the reading thread writes finished chunks strictly in file order. At most
 * {@code 2 x parallelism} chunks are in flight, so memory stays flat whatever the size of the file.
 */
public final class BatchPipeline {
    static final int CHUNK = 512;

    private final Executor executor;
    private final int parallelism;

    /** @param parallelism chunks checked at once; 1 checks on the calling thread */
    public BatchPipeline(Executor executor, int parallelism) {
        this.executor = executor;
        this.parallelism = Math.max(1, parallelism);
    }

    /**
     * @param progress told the number of lines written so far, after each chunk
     * @throws IOException when the input or the output fails (a client gone away, a full disk): the run stops
     */
    public BatchSummary run(OrderReader reader, Function<OrderLine, LineResult> check, ResultWriter writer,
                            RuleSetRef ruleSet, LongConsumer progress) throws IOException {
        BatchSummary.Tally tally = new BatchSummary.Tally(ruleSet);
        Deque<CompletableFuture<List<LineResult>>> inFlight = new ArrayDeque<>();
        List<OrderLine>[] chunk = new List[]{new ArrayList<>(CHUNK)};
        try {
            try {
                reader.forEachLine(line -> {
                    chunk[0].add(line);
                    if (chunk[0].size() == CHUNK) {
                        submit(chunk[0], check, inFlight);
                        chunk[0] = new ArrayList<>(CHUNK);
                        while (inFlight.size() >= 2 * parallelism) {
                            writeOldest(inFlight, writer, tally, progress);
                        }
                    }
                });
            } catch (IOException | RuntimeException readFailed) {
                if (!(readFailed instanceof WriteFailed)) {
                    // The file turned unreadable: the lines read before it are decided (and logged) already or
                    // about to be, so they are written too; the answer then says where it stopped.
                    submitRest(chunk[0], check, inFlight);
                    while (!inFlight.isEmpty()) {
                        writeOldest(inFlight, writer, tally, progress);
                    }
                }
                throw readFailed;
            }
            submitRest(chunk[0], check, inFlight);
            while (!inFlight.isEmpty()) {
                writeOldest(inFlight, writer, tally, progress);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            inFlight.forEach(f -> f.cancel(false));
        }
        return tally.summary();
    }

    private void submitRest(List<OrderLine> lines, Function<OrderLine, LineResult> check,
                            Deque<CompletableFuture<List<LineResult>>> inFlight) {
        if (!lines.isEmpty()) {
            submit(new ArrayList<>(lines), check, inFlight);
            lines.clear();
        }
    }

    private void submit(List<OrderLine> lines, Function<OrderLine, LineResult> check,
                        Deque<CompletableFuture<List<LineResult>>> inFlight) {
        if (parallelism == 1) {
            inFlight.add(CompletableFuture.completedFuture(checkAll(lines, check)));
        } else {
            inFlight.add(CompletableFuture.supplyAsync(() -> checkAll(lines, check), executor));
        }
    }

    private static List<LineResult> checkAll(List<OrderLine> lines, Function<OrderLine, LineResult> check) {
        List<LineResult> results = new ArrayList<>(lines.size());
        for (OrderLine line : lines) {
            results.add(check.apply(line));
        }
        return results;
    }

    private static void writeOldest(Deque<CompletableFuture<List<LineResult>>> inFlight, ResultWriter writer,
                                    BatchSummary.Tally tally, LongConsumer progress) {
        List<LineResult> results;
        try {
            results = inFlight.removeFirst().join();
        } catch (CompletionException | CancellationException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        try {
            for (LineResult r : results) {
                writer.write(r);
                tally.add(r);
            }
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
        progress.accept(tally.lines());
    }

    /** The answer could not be written (the client is gone, the disk is full): nothing more is written. */
    private static final class WriteFailed extends UncheckedIOException {
        WriteFailed(IOException cause) {
            super(cause);
        }
    }
}
