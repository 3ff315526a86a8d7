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
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.LongConsumer;

/**
 * Reads, checks and writes an order file in one streaming pass: the one pipeline of batch validation and of a draft's
 * impact analysis. The reading thread cuts the lines into chunks, the executor checks chunks in parallel, and the
 * reading thread takes finished chunks strictly in file order. At most {@code 2 x parallelism} chunks are in flight,
 * so memory stays flat whatever the size of the file.
 */
public final class BatchPipeline {
    /** Takes each checked chunk, in file order, on the reading thread. */
    @FunctionalInterface
    public interface InOrder<R> {
        void accept(List<R> chunk) throws IOException;
    }

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
        return runChunks(reader, eachLine(check), writer, new BatchSummary.Tally(ruleSet), 0, () -> false, progress);
    }

    /**
     * The same, resumable and stoppable.
     *
     * @param tally what the lines already written came to (a resumed run), or a fresh tally
     * @param skip  lines of the file already checked and written by an earlier run: read past, not checked again
     * @param stop  asked between chunks; once true, no new chunk is started, the chunks in flight are finished and
     *              written, and {@link Stopped} says how many lines the results now hold
     */
    public BatchSummary run(OrderReader reader, Function<OrderLine, LineResult> check, ResultWriter writer,
                            BatchSummary.Tally tally, long skip, BooleanSupplier stop, LongConsumer progress)
            throws IOException {
        return runChunks(reader, eachLine(check), writer, tally, skip, stop, progress);
    }

    /**
     * The same with a check of a whole chunk at a time ({@link LineChecker#applyAll}): a chunk's results are written
     * only once the check of the chunk has returned, so a chunk is the unit in which decisions are logged and answered.
     */
    public BatchSummary runChunks(OrderReader reader, Function<List<OrderLine>, List<LineResult>> check,
                                  ResultWriter writer, BatchSummary.Tally tally, long skip, BooleanSupplier stop,
                                  LongConsumer progress) throws IOException {
        boolean finished = run(reader, check, skip, stop, results -> {
            for (LineResult r : results) {
                writer.write(r);
                tally.add(r);
            }
            progress.accept(tally.lines());
        });
        if (!finished) {
            throw new Stopped(tally.lines());
        }
        return tally.summary();
    }

    /** Checks every line with {@code check} and hands the results to {@code sink} chunk by chunk, in file order. */
    public <R> void run(OrderReader reader, Function<OrderLine, R> check, InOrder<R> sink) throws IOException {
        run(reader, eachLine(check), 0, () -> false, sink);
    }

    private static <R> Function<List<OrderLine>, List<R>> eachLine(Function<OrderLine, R> check) {
        return lines -> {
            List<R> results = new ArrayList<>(lines.size());
            for (OrderLine line : lines) {
                results.add(check.apply(line));
            }
            return results;
        };
    }

    /** @return false when {@code stop} ended the run before the end of the file */
    private <R> boolean run(OrderReader reader, Function<List<OrderLine>, List<R>> check, long skip, BooleanSupplier stop,
                            InOrder<R> sink) throws IOException {
        Deque<CompletableFuture<List<R>>> inFlight = new ArrayDeque<>();
        List<List<OrderLine>> chunk = new ArrayList<>(List.of(new ArrayList<>(CHUNK)));
        long[] read = {0};
        boolean stopped = false;
        try {
            try {
                reader.forEachLine(line -> {
                    if (read[0]++ < skip) {
                        return;
                    }
                    chunk.get(0).add(line);
                    if (chunk.get(0).size() == CHUNK) {
                        submit(chunk.get(0), check, inFlight);
                        chunk.set(0, new ArrayList<>(CHUNK));
                        while (inFlight.size() >= 2 * parallelism) {
                            takeOldest(inFlight, sink);
                        }
                        if (stop.getAsBoolean()) {
                            throw new StopReading();
                        }
                    }
                });
            } catch (StopReading e) {
                stopped = true;
            } catch (IOException | RuntimeException readFailed) {
                if (!(readFailed instanceof WriteFailed)) {
                    // The file turned unreadable: the lines read before it are decided (and logged) already or
                    // about to be, so they are written too; the answer then says where it stopped.
                    submitRest(chunk.get(0), check, inFlight);
                    while (!inFlight.isEmpty()) {
                        takeOldest(inFlight, sink);
                    }
                }
                throw readFailed;
            }
            if (!stopped) {
                submitRest(chunk.get(0), check, inFlight);
            }
            // Lines already handed to the checkers are finished and written, also when stopping: nothing checked is lost.
            while (!inFlight.isEmpty()) {
                takeOldest(inFlight, sink);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        } finally {
            inFlight.forEach(f -> f.cancel(false));
        }
        return !stopped;
    }

    private <R> void submitRest(List<OrderLine> lines, Function<List<OrderLine>, List<R>> check,
                                Deque<CompletableFuture<List<R>>> inFlight) {
        if (!lines.isEmpty()) {
            submit(new ArrayList<>(lines), check, inFlight);
            lines.clear();
        }
    }

    /** The run was asked to stop before the end of the file; the results hold exactly {@code linesWritten} lines. */
    public static final class Stopped extends RuntimeException {
        private final long linesWritten;

        Stopped(long linesWritten) {
            super("stopped after " + linesWritten + " lines", null, false, false);
            this.linesWritten = linesWritten;
        }

        public long linesWritten() {
            return linesWritten;
        }
    }

    private static final class StopReading extends RuntimeException {
        StopReading() {
            super(null, null, false, false);
        }
    }

    private <R> void submit(List<OrderLine> lines, Function<List<OrderLine>, List<R>> check,
                            Deque<CompletableFuture<List<R>>> inFlight) {
        if (parallelism == 1) {
            inFlight.add(CompletableFuture.completedFuture(check.apply(lines)));
        } else {
            inFlight.add(CompletableFuture.supplyAsync(() -> check.apply(lines), executor));
        }
    }

    private static <R> void takeOldest(Deque<CompletableFuture<List<R>>> inFlight, InOrder<R> sink) {
        List<R> results;
        try {
            results = inFlight.removeFirst().join();
        } catch (CompletionException | CancellationException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e);
        }
        try {
            sink.accept(results);
        } catch (IOException e) {
            throw new WriteFailed(e);
        }
    }

    /** The answer could not be written (the client is gone, the disk is full): nothing more is written. */
    private static final class WriteFailed extends UncheckedIOException {
        WriteFailed(IOException cause) {
            super(cause);
        }
    }
}
