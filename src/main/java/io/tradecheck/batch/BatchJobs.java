package io.tradecheck.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Asynchronous batch jobs, kept on disk so that no job disappears silently: each job has a folder under
 * {@code <data dir>/batch-jobs/<id>/} with its status ({@code job.json}), the uploaded file, its results
 * ({@code results.ndjson}) and its summary ({@code summary.json}). Jobs run one at a time, in submission order (each
 * already uses every core). A job found QUEUED or RUNNING when the service starts was cut off by a restart or a crash:
 * {@link #recover()} marks it LOST, saying so, instead of leaving it "running" forever.
 */
public final class BatchJobs implements AutoCloseable {
    static final String LOST_MESSAGE = "Lost on restart: the service stopped (restart or crash) before this job "
            + "finished; its partial results were discarded. The lines decided before the stop are in the decision log "
            + "(GET /api/v1/decisions?batchJob=<this job's id>). Submit the file again.";
    private static final Logger LOG = Logger.getLogger(BatchJobs.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    private static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final long SAVE_PROGRESS_EVERY_NANOS = 2_000_000_000L;

    private final Path root;
    private final BatchValidator validator;
    private final Clock clock;
    private final ExecutorService runner;
    /** Status of the jobs this process has queued or runs; the file is the truth for the others. */
    private final Map<String, BatchJob> active = new ConcurrentHashMap<>();

    public BatchJobs(Path dataDir, BatchValidator validator, Clock clock) {
        this.root = dataDir.resolve("batch-jobs");
        this.validator = validator;
        this.clock = clock;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tradecheck-batch-job");
            t.setDaemon(true);
            return t;
        });
    }

    /** Marks every job left QUEUED or RUNNING by a previous process as LOST; returns how many. Call at start-up. */
    public int recover() throws IOException {
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int lost = 0;
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Optional<BatchJob> job = read(dir.getFileName().toString());
                if (job.isPresent() && !job.get().state().finished()) {
                    Files.deleteIfExists(dir.resolve("results.ndjson"));
                    Files.deleteIfExists(dir.resolve("summary.json"));
                    deleteInputs(dir);
                    save(job.get().withState(JobState.LOST, clock.instant(), LOST_MESSAGE));
                    lost++;
                }
            }
        }
        if (lost > 0) {
            LOG.warnf("%d batch job(s) were cut off by the last stop and are marked LOST", lost);
        }
        return lost;
    }

    /**
     * Takes an uploaded file (moved into the job's folder) and queues it. The file is opened first, so an unreadable
     * file is refused at once with its reason instead of becoming a failed job.
     *
     * @throws OrderFileException when the file cannot be an order file (the upload is deleted)
     */
    public BatchJob submit(Path upload, OrderFormat declared, String sheet) throws IOException {
        return submit(upload, declared, sheet, "system");
    }

    /** @param caller who submitted the file: the decision log names them on every line's decision */
    public BatchJob submit(Path upload, OrderFormat declared, String sheet, String caller) throws IOException {
        OrderFormat format;
        try (OrderReader reader = OrderFiles.open(upload, declared, sheet)) {
            format = reader instanceof XlsxOrderReader ? OrderFormat.XLSX
                    : reader instanceof NdjsonOrderReader ? OrderFormat.NDJSON : OrderFormat.CSV;
        } catch (OrderFileException | IOException e) {
            Files.deleteIfExists(upload);
            throw e;
        }
        String id = UUID.randomUUID().toString();
        Path dir = Files.createDirectories(root.resolve(id));
        Path input = dir.resolve("input" + format.extension());
        move(upload, input);
        long estimate = LineEstimate.of(input, format);
        BatchJob job = new BatchJob(id, JobState.QUEUED, format, sheet, 0, estimate < 0 ? null : estimate,
                clock.instant(), null, null, null);
        save(job);
        active.put(id, job);
        runner.submit(() -> run(job, input, new BatchOrigin(caller, id)));
        return job;
    }

    public Optional<BatchJob> status(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        BatchJob live = active.get(id);
        return live != null ? Optional.of(live) : read(id);
    }

    public List<BatchJob> list() throws IOException {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> status(d.getFileName().toString())).flatMap(Optional::stream)
                    .sorted(Comparator.comparing(BatchJob::submittedAt).reversed()).toList();
        }
    }

    /** The results of a DONE job, as NDJSON, one line per input line. */
    public Path results(String id) {
        return root.resolve(id).resolve("results.ndjson");
    }

    /** Copies the results of a DONE job to {@code out} in the format asked for (they are stored as NDJSON). */
    public void writeResults(String id, ResultFormat format, OutputStream out) throws IOException {
        Path file = results(id);
        if (format == ResultFormat.NDJSON) {
            Files.copy(file, out);
            return;
        }
        try (var lines = JSON.readerFor(LineResult.class).<LineResult>readValues(file.toFile());
             ResultWriter writer = ResultWriter.of(format, out)) {
            while (lines.hasNextValue()) {
                writer.write(lines.nextValue());
            }
        }
    }

    public Optional<BatchSummary> summary(String id) {
        Path file = root.resolve(id).resolve("summary.json");
        if (!ID.matcher(id).matches() || !Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), BatchSummary.class));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deletes a finished job and its files; a queued or running job is not deleted. */
    public boolean delete(String id) throws IOException {
        Optional<BatchJob> job = status(id);
        if (job.isEmpty() || !job.get().state().finished()) {
            return false;
        }
        Path dir = root.resolve(id);
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }

    private void run(BatchJob queued, Path input, BatchOrigin origin) {
        String id = queued.id();
        BatchJob job = queued.withState(JobState.RUNNING, clock.instant(), null);
        active.put(id, job);
        save(job);
        Path results = input.resolveSibling("results.ndjson");
        long[] lastSave = {System.nanoTime()};
        try (OrderReader reader = OrderFiles.open(input, queued.format(), queued.sheet());
             OutputStream out = Files.newOutputStream(results);
             ResultWriter writer = ResultWriter.of(ResultFormat.NDJSON, out)) {
            BatchSummary summary = validator.validate(reader, writer, done -> {
                BatchJob now = active.computeIfPresent(id, (k, j) -> j.withProgress(done));
                if (now != null && System.nanoTime() - lastSave[0] > SAVE_PROGRESS_EVERY_NANOS) {
                    lastSave[0] = System.nanoTime();
                    save(now);
                }
            }, origin);
            writer.close();
            JSON.writeValue(input.resolveSibling("summary.json").toFile(), summary);
            finish(id, j -> j.done(summary.lines()).withState(JobState.DONE, clock.instant(), null));
        } catch (IOException | RuntimeException e) {
            LOG.errorf(e, "Batch job %s failed", id);
            finish(id, j -> j.withState(JobState.FAILED, clock.instant(), "The job failed: " + e.getMessage()));
        } finally {
            deleteInputs(input.getParent());
        }
    }

    private void finish(String id, java.util.function.UnaryOperator<BatchJob> change) {
        BatchJob end = change.apply(active.get(id));
        try {
            save(end);
            active.remove(id);
        } catch (UncheckedIOException e) {
            // The disk is full (or gone): the job has ended all the same. Its end state is answered from memory, so
            // it never shows RUNNING for ever and the jobs queued behind it run; at the next start it reads as LOST.
            LOG.errorf("Batch job %s ended %s, but its status could not be written: %s", id, end.state(), e.getMessage());
            active.put(id, end);
        }
    }

    private Optional<BatchJob> read(String id) {
        Path file = root.resolve(id).resolve("job.json");
        if (!Files.exists(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), BatchJob.class));
        } catch (IOException e) {
            LOG.warnf("Unreadable job status %s: %s", file, e.getMessage());
            return Optional.empty();
        }
    }

    /** Written to a temporary file and moved over the old one, so a crash never leaves half a status. */
    private void save(BatchJob job) {
        Path file = root.resolve(job.id()).resolve("job.json");
        Path tmp = file.resolveSibling("job.json.tmp");
        try {
            JSON.writeValue(tmp.toFile(), job);
            move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteInputs(Path dir) {
        for (OrderFormat f : OrderFormat.values()) {
            try {
                Files.deleteIfExists(dir.resolve("input" + f.extension()));
            } catch (IOException e) {
                LOG.warnf("Could not delete %s: %s", dir, e.getMessage());
            }
        }
    }

    @Override
    public void close() {
        runner.shutdownNow();
    }
}
