package io.tradecheck.batch;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Batch jobs in the database, where every replica sees them (PostgreSQL; tables of migration V15_1): the status of each
 * job, its order file, its result lines, and the lease of the replica running it. A replica renews the leases of its
 * jobs every few seconds ({@link #heartbeat}); a job whose lease ran out (its replica died) is claimed by another
 * ({@link #claimExpired}), which goes on after the last result line committed. Each claim adds one to the job's
 * attempt, and every write names the attempt it holds: a replica that lost a job cannot write to it any more.
 *
 * <p>Times are the database's ({@code now()}), so the replicas' clocks need not agree.
 */
public final class SharedJobStore {
    static final int INPUT_PART = 1 << 20;
    private static final String OPEN_STATES = "('QUEUED','RUNNING','INTERRUPTED')";

    /** The job was claimed by another replica (this one's lease ran out): stop working on it, write nothing more. */
    public static final class LeaseLost extends RuntimeException {
        LeaseLost(String job) {
            super("batch job " + job + " was taken over by another replica", null, false, false);
        }
    }

    /** The database failed while a job's lines were being committed: the job stops here and is taken over later. */
    public static final class Unavailable extends RuntimeException {
        Unavailable(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /** A job this replica now holds, at {@code attempt}. */
    public record Claim(BatchJob job, int attempt, String caller) {
    }

    private final DataSource dataSource;
    private final String node;
    private final long leaseMillis;
    private final ObjectMapper json;

    /** @param node this replica's name in the job rows (tradecheck.cluster.node) */
    public SharedJobStore(DataSource dataSource, String node, Duration lease) {
        this.dataSource = dataSource;
        this.node = node;
        this.leaseMillis = lease.toMillis();
        this.json = BatchJobs.JSON;
    }

    public String node() {
        return node;
    }

    public Duration lease() {
        return Duration.ofMillis(leaseMillis);
    }

    /** A new job, held by this replica (attempt 1), with its order file. */
    void insert(BatchJob job, Path input, String caller) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO batch_job (id, state, status_json, caller, "
                        + "submitted_at, node, lease_until, attempt, lines_done) VALUES (?,?,?,?,?,?,now() + ? * INTERVAL "
                        + "'1 millisecond',1,0)")) {
                    ps.setString(1, job.id());
                    ps.setString(2, job.state().name());
                    ps.setString(3, json.writeValueAsString(job));
                    ps.setString(4, caller);
                    ps.setObject(5, OffsetDateTime.ofInstant(job.submittedAt(), ZoneOffset.UTC));
                    ps.setString(6, node);
                    ps.setLong(7, leaseMillis);
                    ps.executeUpdate();
                }
                try (InputStream in = Files.newInputStream(input);
                     PreparedStatement ps = c.prepareStatement("INSERT INTO batch_job_input (job, part, content) VALUES (?,?,?)")) {
                    byte[] buffer = new byte[INPUT_PART];
                    int part = 0;
                    int n;
                    while ((n = in.readNBytes(buffer, 0, buffer.length)) > 0) {
                        ps.setString(1, job.id());
                        ps.setInt(2, part++);
                        ps.setBytes(3, n == buffer.length ? buffer : java.util.Arrays.copyOf(buffer, n));
                        ps.executeUpdate();
                    }
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot record batch job " + job.id() + " in the database: " + e.getMessage(), e);
        }
    }

    /**
     * Writes the status of a job this replica holds at {@code attempt}; an INTERRUPTED job (a stop) gives its lease up at
     * once, so another replica takes it over without waiting for it to run out. False when the job is no longer held.
     */
    boolean save(BatchJob job, int attempt, String summary) {
        String release = job.state() == JobState.INTERRUPTED ? ", lease_until = now()" : "";
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET state = ?, status_json = ?"
                     + (summary == null ? "" : ", summary_json = ?") + release + " WHERE id = ? AND attempt = ?")) {
            int i = 1;
            ps.setString(i++, job.state().name());
            ps.setString(i++, json.writeValueAsString(job));
            if (summary != null) {
                ps.setString(i++, summary);
            }
            ps.setString(i++, job.id());
            ps.setInt(i, attempt);
            return ps.executeUpdate() == 1;
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot save batch job " + job.id() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Commits result lines {@code firstSeq, firstSeq + 1, ...} of a job and its count of lines done, in one transaction,
     * and renews the lease.
     *
     * @throws LeaseLost when another replica holds the job now (nothing is written)
     */
    void append(String job, int attempt, long firstSeq, List<LineResult> lines) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET lines_done = ?, lease_until = now() + ? "
                        + "* INTERVAL '1 millisecond' WHERE id = ? AND attempt = ?")) {
                    ps.setLong(1, firstSeq - 1 + lines.size());
                    ps.setLong(2, leaseMillis);
                    ps.setString(3, job);
                    ps.setInt(4, attempt);
                    if (ps.executeUpdate() != 1) {
                        c.rollback();
                        throw new LeaseLost(job);
                    }
                }
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO batch_job_line (job, seq, file_line, result_json) VALUES (?,?,?,?)")) {
                    long seq = firstSeq;
                    for (LineResult line : lines) {
                        ps.setString(1, job);
                        ps.setLong(2, seq++);
                        ps.setLong(3, line.line());
                        ps.setString(4, NdjsonResultWriter.MAPPER.writeValueAsString(line));
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                c.commit();
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException | IOException e) {
            throw new Unavailable("cannot store the results of batch job " + job + ": " + e.getMessage(), e);
        }
    }

    /** Renews the leases of the jobs this replica holds (job id to attempt); returns how many it still holds. */
    int heartbeat(java.util.Map<String, Integer> held) throws SQLException {
        if (held.isEmpty()) {
            return 0;
        }
        int renewed = 0;
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET lease_until = now() + ? * INTERVAL "
                     + "'1 millisecond' WHERE id = ? AND attempt = ? AND state IN ('QUEUED','RUNNING')")) {
            for (var job : held.entrySet()) {
                ps.setLong(1, leaseMillis);
                ps.setString(2, job.getKey());
                ps.setInt(3, job.getValue());
                renewed += ps.executeUpdate();
            }
        }
        return renewed;
    }

    /** Claims the oldest unfinished job whose lease ran out (its replica died or stopped), if any. */
    Optional<Claim> claimExpired() throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                String id;
                int attempt;
                String status;
                String caller;
                long done;
                try (PreparedStatement ps = c.prepareStatement("SELECT id, attempt, status_json, caller, lines_done "
                        + "FROM batch_job WHERE state IN " + OPEN_STATES + " AND lease_until < now() "
                        + "ORDER BY submitted_at LIMIT 1 FOR UPDATE SKIP LOCKED");
                     ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        c.rollback();
                        return Optional.empty();
                    }
                    id = rs.getString(1);
                    attempt = rs.getInt(2) + 1;
                    status = rs.getString(3);
                    caller = rs.getString(4);
                    done = rs.getLong(5);
                }
                try (PreparedStatement ps = c.prepareStatement("UPDATE batch_job SET node = ?, attempt = ?, "
                        + "lease_until = now() + ? * INTERVAL '1 millisecond' WHERE id = ?")) {
                    ps.setString(1, node);
                    ps.setInt(2, attempt);
                    ps.setLong(3, leaseMillis);
                    ps.setString(4, id);
                    ps.executeUpdate();
                }
                c.commit();
                return Optional.of(new Claim(json.readValue(status, BatchJob.class).withProgress(done), attempt, caller));
            } catch (SQLException | IOException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Writes the job's order file to {@code to}. */
    void copyInput(String job, Path to) throws SQLException, IOException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false); // a cursor: one part in memory at a time
            try (PreparedStatement ps = c.prepareStatement("SELECT content FROM batch_job_input WHERE job = ? ORDER BY part")) {
                ps.setFetchSize(1);
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery(); OutputStream out = Files.newOutputStream(to)) {
                    while (rs.next()) {
                        out.write(rs.getBytes(1));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    /**
     * Writes the job's committed result lines to {@code to} as NDJSON, in file order.
     *
     * @return the file line number of the last one, 0 when there is none
     */
    long copyLines(String job, Path to) throws SQLException, IOException {
        long last = 0;
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("SELECT file_line, result_json FROM batch_job_line WHERE job = ? "
                    + "ORDER BY seq")) {
                ps.setFetchSize(1000);
                ps.setString(1, job);
                try (ResultSet rs = ps.executeQuery(); OutputStream out = new java.io.BufferedOutputStream(
                        Files.newOutputStream(to), 64 * 1024)) {
                    while (rs.next()) {
                        last = rs.getLong(1);
                        out.write(rs.getString(2).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                        out.write('\n');
                    }
                }
            } finally {
                c.rollback();
            }
        }
        return last;
    }

    /**
     * Takes out of the decision log the lines of a job decided after its last committed result line: the replica that
     * died had checked (and logged) them, but their results were not committed, so they are checked again, and logged
     * once more. Together: every line of the job is in the decision log exactly once.
     */
    int forgetDecisionsAfter(String job, long fileLine) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM decision_entry WHERE batch IN "
                     + "(SELECT id FROM decision_batch WHERE job = ?) AND batch_line > ?")) {
            ps.setString(1, job);
            ps.setLong(2, fileLine);
            return ps.executeUpdate();
        }
    }

    Optional<BatchJob> status(String id) {
        List<BatchJob> jobs = select("WHERE id = ?", id);
        return jobs.isEmpty() ? Optional.empty() : Optional.of(jobs.get(0));
    }

    List<BatchJob> list() {
        return select("ORDER BY submitted_at DESC", null);
    }

    Optional<String> summary(String id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT summary_json FROM batch_job WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read batch job " + id + ": " + e.getMessage(), e);
        }
    }

    void delete(String id) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                for (String table : List.of("batch_job_line", "batch_job_input")) {
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + table + " WHERE job = ?")) {
                        ps.setString(1, id);
                        ps.executeUpdate();
                    }
                }
                try (PreparedStatement ps = c.prepareStatement("DELETE FROM batch_job WHERE id = ?")) {
                    ps.setString(1, id);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot delete batch job " + id + ": " + e.getMessage(), e);
        }
    }

    private List<BatchJob> select(String where, String id) {
        List<BatchJob> jobs = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT status_json, lines_done FROM batch_job " + where)) {
            if (id != null) {
                ps.setString(1, id);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    BatchJob job = json.readValue(rs.getString(1), BatchJob.class);
                    // The count committed with the result lines is the truth; the status JSON is written less often.
                    jobs.add(job.state() == JobState.DONE ? job : job.withProgress(rs.getLong(2)));
                }
            }
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("cannot read the batch jobs: " + e.getMessage(), e);
        }
        return jobs;
    }
}
