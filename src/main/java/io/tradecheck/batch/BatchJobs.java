package io.tradecheck.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradecheck.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
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
 * already uses every core).
 *
 * <p>A stop of the service ({@link #stop}, on SIGTERM) lets the running job finish the lines in flight, write them, and
 * marks it INTERRUPTED (queued jobs too); {@link #recover()} resumes INTERRUPTED jobs at the next start, after their
 * last written line, so every line ends up in the results exactly once. A job found QUEUED or RUNNING when the service
 * starts was cut off by a crash: {@link #recover()} marks it LOST, saying so, instead of leaving it "running" forever.
 */
public final class BatchJobs implements AutoCloseable {
    static final String LOST_MESSAGE = "Lost on restart: the service stopped (restart or crash) before this job "
            + "finished; its partial results were discarded. The lines decided before the stop are in the decision log "
            + "(GET /api/v1/decisions?batchJob=<this job's id>). Submit the file again.";
    private static final Logger LOG = Logger.getLogger(BatchJobs.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f-]{36}");
    static final ObjectMapper JSON = JsonMapper.builder().addModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
    private static final long SAVE_PROGRESS_EVERY_NANOS = 2_000_000_000L;
    static final String INTERRUPTED_MESSAGE = "Interrupted by a stop of the service after %d lines, all of them "
            + "checked and written; the job resumes from the next line when the service starts again.";

    private final Path root;
    private final BatchValidator validator;
    private final Clock clock;
    private final ExecutorService runner;
    /** Status of the jobs this process has queued or runs; the file is the truth for the others. */
    private final Map<String, BatchJob> active = new ConcurrentHashMap<>();
    private volatile boolean stopping;
    private static final String CALLER_FILE = "caller.txt";
    /** Replicas: the database holds the jobs (null on a single node, where the folders do). */
    private final SharedJobStore shared;
    /** The attempt at which this replica holds each job it runs or has queued (replicas only). */
    private final Map<String, Integer> attempts = new ConcurrentHashMap<>();
    private java.util.concurrent.ScheduledExecutorService leases;

    public BatchJobs(Path dataDir, BatchValidator validator, Clock clock) {
        this(dataDir, validator, clock, null);
    }

    /**
     * @param shared where replicas keep their jobs (docs/operations.md, "Running N replicas"); null for a single node
     */
    public BatchJobs(Path dataDir, BatchValidator validator, Clock clock, SharedJobStore shared) {
        this.shared = shared;
        this.root = dataDir.resolve("batch-jobs");
        this.validator = validator;
        this.clock = clock;
        this.runner = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tradecheck-batch-job");
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Call at start-up: resumes every job a stop left INTERRUPTED (in submission order, after its last written line),
     * and marks every job a crash left QUEUED or RUNNING as LOST; returns how many were marked LOST.
     */
    public int recover() throws IOException {
        if (shared != null) {
            // Replicas: no job is lost with its node. The jobs this node held before it stopped or died are claimed
            // again (by any replica) once their leases run out, and resume after their last committed line.
            startLeases();
            return 0;
        }
        if (!Files.isDirectory(root)) {
            return 0;
        }
        int lost = 0;
        List<BatchJob> interrupted = new java.util.ArrayList<>();
        try (Stream<Path> dirs = Files.list(root)) {
            for (Path dir : dirs.filter(Files::isDirectory).toList()) {
                Optional<BatchJob> job = read(dir.getFileName().toString());
                if (job.isEmpty() || job.get().state().finished()) {
                    continue;
                }
                Optional<Path> input = input(dir, job.get().format());
                if (job.get().state() == JobState.INTERRUPTED && input.isPresent()) {
                    interrupted.add(job.get());
                    continue;
                }
                Files.deleteIfExists(dir.resolve("results.ndjson"));
                Files.deleteIfExists(dir.resolve("summary.json"));
                deleteInputs(dir);
                save(job.get().withState(JobState.LOST, clock.instant(), LOST_MESSAGE));
                lost++;
            }
        }
        if (lost > 0) {
            LOG.warnf("%d batch job(s) were cut off by the last stop and are marked LOST", lost);
        }
        interrupted.sort(Comparator.comparing(BatchJob::submittedAt));
        for (BatchJob job : interrupted) {
            LOG.infof("Batch job %s resumes after line %d of its file", job.id(), job.linesDone());
            Path input = input(root.resolve(job.id()), job.format()).orElseThrow();
            active.put(job.id(), job);
            Path callerFile = root.resolve(job.id()).resolve(CALLER_FILE);
            String caller = Files.exists(callerFile) ? Files.readString(callerFile) : "system";
            runner.submit(() -> run(job, input, new BatchOrigin(caller, job.id()), true));
        }
        return lost;
    }

    /**
     * Stops taking new work: the running job finishes and writes the lines in flight and is marked INTERRUPTED (queued
     * jobs are marked INTERRUPTED without starting); waits at most {@code timeout} for that. Call before the decision
     * log closes, so that every line checked is also logged.
     */
    public void stop(java.time.Duration timeout) {
        stopping = true;
        runner.shutdown();
        try {
            if (!runner.awaitTermination(timeout.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
                LOG.warnf("A batch job did not stop within %s; it will show as LOST at the next start", timeout);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        Path dir = OwnerOnlyFiles.createDirectories(root.resolve(id));
        Path input = dir.resolve("input" + format.extension());
        move(upload, input);
        long estimate = LineEstimate.of(input, format);
        BatchJob job = new BatchJob(id, JobState.QUEUED, format, sheet, 0, estimate < 0 ? null : estimate,
                clock.instant(), null, null, null, caller);
        // Kept beside the job, so that a resumed job logs its lines under the same caller.
        OwnerOnlyFiles.write(dir.resolve(CALLER_FILE), caller.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        save(job);
        if (shared != null) {
            shared.insert(job, input, caller);
            attempts.put(id, 1);
        }
        active.put(id, job);
        runner.submit(() -> run(job, input, new BatchOrigin(caller, id), false));
        return job;
    }

    public Optional<BatchJob> status(String id) {
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        BatchJob live = active.get(id);
        if (live != null) {
            return Optional.of(live);
        }
        return shared != null ? shared.status(id) : read(id);
    }

    public List<BatchJob> list() throws IOException {
        if (shared != null) {
            return shared.list().stream().map(j -> active.getOrDefault(j.id(), j)).toList();
        }
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
        Path file = root.resolve(id).resolve("results.ndjson");
        if (shared != null && ID.matcher(id).matches() && !Files.exists(file.resolveSibling("summary.json"))) {
            // Replicas: the results are the job's lines in the database, whichever replica checked them; a replica
            // writes them out once into its own folder (with the summary) to answer downloads.
            Optional<BatchJob> job = shared.status(id);
            Optional<String> summary = shared.summary(id);
            if (job.isPresent() && job.get().state() == JobState.DONE && summary.isPresent()) {
                try {
                    Path dir = OwnerOnlyFiles.createDirectories(root.resolve(id));
                    Path tmp = dir.resolve("results.ndjson.tmp");
                    shared.copyLines(id, tmp);
                    move(tmp, file);
                    Path summaryTmp = dir.resolve("summary.json.tmp");
                    Files.writeString(summaryTmp, summary.get());
                    move(summaryTmp, dir.resolve("summary.json"));
                } catch (IOException | java.sql.SQLException e) {
                    throw new UncheckedIOException(new IOException("cannot read the results of job " + id
                            + " from the database: " + e.getMessage(), e));
                }
            }
        }
        return file;
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
        if (!ID.matcher(id).matches()) {
            return Optional.empty();
        }
        if (shared != null && !Files.exists(file)) {
            try {
                Optional<String> stored = shared.summary(id);
                return stored.isEmpty() ? Optional.empty() : Optional.of(JSON.readValue(stored.get(), BatchSummary.class));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!Files.exists(file)) {
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
        if (shared != null) {
            shared.delete(id);
            if (!Files.isDirectory(dir)) {
                return true;
            }
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
        return true;
    }

    /** @param resume the job was interrupted: keep its written results and go on after them */
    private void run(BatchJob queued, Path input, BatchOrigin origin, boolean resume) {
        String id = queued.id();
        if (stopping) {
            finish(id, j -> j.withState(JobState.INTERRUPTED, clock.instant(),
                    INTERRUPTED_MESSAGE.formatted(j.linesDone())));
            return;
        }
        BatchJob job = queued.withState(JobState.RUNNING, clock.instant(), null);
        active.put(id, job);
        save(job);
        Path results = input.resolveSibling("results.ndjson");
        long[] lastSave = {System.nanoTime()};
        boolean interrupted = false;
        try (OrderReader reader = OrderFiles.open(input, queued.format(), queued.sheet())) {
            BatchSummary.Tally tally = resume ? WrittenResults.tally(results) : new BatchSummary.Tally(null);
            try (OutputStream out = resume ? Files.newOutputStream(results, StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND) : OwnerOnlyFiles.newOutputStream(results);
                 ResultWriter file = ResultWriter.of(ResultFormat.NDJSON, out);
                 ResultWriter writer = shared == null ? file
                         : new SharedLines(file, id, attempts.get(id), tally.lines() + 1)) {
                BatchSummary summary = validator.resume(reader, writer, tally, () -> stopping, done -> {
                    if (writer instanceof SharedLines lines) {
                        lines.commit(); // the chunk's lines and the count, in one transaction
                    }
                    BatchJob now = active.computeIfPresent(id, (k, j) -> j.withProgress(done));
                    if (now != null && System.nanoTime() - lastSave[0] > SAVE_PROGRESS_EVERY_NANOS) {
                        lastSave[0] = System.nanoTime();
                        save(now);
                    }
                }, origin);
                writer.close();
                JSON.writeValue(OwnerOnlyFiles.newOutputStream(input.resolveSibling("summary.json")), summary);
                if (shared != null) {
                    shared.save(active.get(id).done(summary.lines()).withState(JobState.DONE, clock.instant(), null),
                            attempts.get(id), JSON.writeValueAsString(summary));
                }
                finish(id, j -> j.done(summary.lines()).withState(JobState.DONE, clock.instant(), null));
            }
        } catch (SharedJobStore.LeaseLost | SharedJobStore.Unavailable e) {
            // Lost: this replica was cut off from the database for longer than the lease and another one took the job
            // over; nothing more is written here. Unavailable: the database failed under the job; its lease is no
            // longer renewed, so a replica (this one too) takes it over after its last committed line once the
            // database answers again. Never FAILED for a fault that is not the file's.
            LOG.warnf("Batch job %s: %s; this replica stops working on it", id, e.getMessage());
            active.remove(id);
            attempts.remove(id);
        } catch (BatchPipeline.Stopped e) {
            interrupted = true;
            finish(id, j -> j.withProgress(e.linesWritten()).withState(JobState.INTERRUPTED, clock.instant(),
                    INTERRUPTED_MESSAGE.formatted(e.linesWritten())));
        } catch (IOException | RuntimeException e) {
            if (stopping) {
                // The stop cut a line off from what it needs (e.g. the decision log closed under it): what is written
                // stands, the rest is checked again after the restart.
                interrupted = true;
                long written = WrittenResults.count(results);
                LOG.warnf("Batch job %s interrupted by the stop after %d written lines: %s", id, written, e.getMessage());
                finish(id, j -> j.withProgress(written).withState(JobState.INTERRUPTED, clock.instant(),
                        INTERRUPTED_MESSAGE.formatted(written)));
            } else {
                LOG.errorf(e, "Batch job %s failed", id);
                finish(id, j -> j.withState(JobState.FAILED, clock.instant(), "The job failed: " + e.getMessage()));
            }
        } finally {
            if (!interrupted) {
                deleteInputs(input.getParent());
            }
        }
    }

    private static Optional<Path> input(Path dir, OrderFormat format) {
        Path input = dir.resolve("input" + format.extension());
        return Files.exists(input) ? Optional.of(input) : Optional.empty();
    }

    private void finish(String id, java.util.function.UnaryOperator<BatchJob> change) {
        BatchJob end = change.apply(active.get(id));
        try {
            save(end);
            active.remove(id);
            attempts.remove(id);
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
            JSON.writeValue(OwnerOnlyFiles.newOutputStream(tmp), job);
            move(tmp, file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Integer attempt = shared == null ? null : attempts.get(job.id());
        if (attempt != null) {
            try {
                if (!shared.save(job, attempt, null)) {
                    LOG.warnf("Batch job %s was taken over by another replica; its status there stands", job.id());
                }
            } catch (RuntimeException e) {
                // The lease runs out while the database is away, and a replica takes the job over then.
                LOG.errorf("Batch job %s: status %s not saved in the database: %s", job.id(), job.state(), e.getMessage());
            }
        }
    }

    /** Replicas: renews the leases of the jobs held here, and takes over a job whose replica died when idle. */
    private void startLeases() {
        long every = Math.max(200, shared.lease().toMillis() / 3);
        leases = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "tradecheck-batch-leases");
            t.setDaemon(true);
            return t;
        });
        leases.scheduleWithFixedDelay(this::tendLeases, 0, every, java.util.concurrent.TimeUnit.MILLISECONDS);
        LOG.infof("Batch jobs shared through the database as node %s (lease %d ms)", shared.node(),
                shared.lease().toMillis());
    }

    private void tendLeases() {
        try {
            shared.heartbeat(attempts);
            if (!stopping && active.isEmpty()) {
                Optional<SharedJobStore.Claim> claim = shared.claimExpired();
                if (claim.isPresent()) {
                    takeOver(claim.get());
                }
            }
        } catch (java.sql.SQLException | IOException | RuntimeException e) {
            LOG.warnf("Batch jobs: cannot reach the shared job store (%s); retrying", e.getMessage());
        }
    }

    /**
     * Goes on with a job another replica held when it died (or stopped): its order file and its committed result lines
     * come from the database, the decisions logged past the last committed line are taken out (they are checked and
     * logged again), and the job resumes after that line.
     */
    private void takeOver(SharedJobStore.Claim claim) throws java.sql.SQLException, IOException {
        BatchJob job = claim.job();
        String id = job.id();
        Path dir = OwnerOnlyFiles.createDirectories(root.resolve(id));
        Path input = dir.resolve("input" + job.format().extension());
        shared.copyInput(id, input);
        Files.deleteIfExists(dir.resolve("summary.json"));
        long lastLine = shared.copyLines(id, dir.resolve("results.ndjson"));
        int forgotten = shared.forgetDecisionsAfter(id, lastLine);
        OwnerOnlyFiles.write(dir.resolve(CALLER_FILE), claim.caller().getBytes(java.nio.charset.StandardCharsets.UTF_8));
        attempts.put(id, claim.attempt());
        active.put(id, job);
        LOG.infof("Batch job %s taken over (attempt %d) after %d committed lines (file line %d); %d decision(s) logged "
                + "past them are checked again", id, claim.attempt(), job.linesDone(), lastLine, forgotten);
        runner.submit(() -> run(job, input, new BatchOrigin(claim.caller(), id), true));
    }

    /** Writes each result to the job's file and commits each chunk's lines to the database, numbered in file order. */
    private final class SharedLines implements ResultWriter {
        private final ResultWriter file;
        private final String id;
        private final int attempt;
        private final List<LineResult> pending = new java.util.ArrayList<>();
        private long next;

        SharedLines(ResultWriter file, String id, int attempt, long next) {
            this.file = file;
            this.id = id;
            this.attempt = attempt;
            this.next = next;
        }

        @Override
        public void write(LineResult result) throws IOException {
            file.write(result);
            pending.add(result);
        }

        void commit() {
            if (!pending.isEmpty()) {
                shared.append(id, attempt, next, pending);
                next += pending.size();
                pending.clear();
            }
        }

        @Override
        public void close() throws IOException {
            commit();
            file.close();
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
        if (leases != null) {
            leases.shutdownNow();
        }
        runner.shutdownNow();
    }
}
