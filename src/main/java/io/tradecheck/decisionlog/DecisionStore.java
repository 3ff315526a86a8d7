package io.tradecheck.decisionlog;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Predicate;
import javax.sql.DataSource;

/**
 * The decision tables, in plain JDBC: the same statements run on H2 and PostgreSQL. Rows are compact
 * ({@link DecisionRecord}); the rule set and the batch job of a row are small integer keys, kept in memory once known.
 * Only the writer thread inserts, so the keys it hands out cannot collide.
 */
public class DecisionStore {
    static final String SELECT = "SELECT e.id, e.caller, e.reference, e.outcome, r.version, r.digest, b.job, e.batch_line, "
            + "e.evaluation_date, e.duty_rate, e.duty, f.rule_ids, e.answer_sha256, e.request_json, e.answer_json "
            + "FROM decision_entry e JOIN decision_rule_set r ON r.id = e.rule_set LEFT JOIN decision_batch b ON b.id = e.batch "
            + "LEFT JOIN decision_rule_ids f ON f.id = e.rule_ids";
    static final String COLUMNS = "id, caller, reference, outcome, rule_set, batch, "
            + "batch_line, evaluation_date, duty_rate, duty, rule_ids, answer_sha256, request_json, answer_json";
    private static final String INSERT = "INSERT INTO decision_entry (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)";

    private static final org.jboss.logging.Logger LOG = org.jboss.logging.Logger.getLogger(DecisionStore.class);

    private final DataSource dataSource;
    private final Predicate<String> replayable;
    private final Map<String, Integer> ruleSetKeys = new ConcurrentHashMap<>();
    private final Map<String, Integer> batchKeys = new ConcurrentHashMap<>();
    private final Map<String, Integer> ruleIdsKeys = new ConcurrentHashMap<>();
    private final Map<String, Boolean> replayableDigests = new ConcurrentHashMap<>();

    /** A store that keeps every answer in full (no rule history to rebuild from). */
    public DecisionStore(DataSource dataSource) {
        this(dataSource, digest -> false);
    }

    /**
     * @param replayable whether the rule history holds the files of a rule set (by digest), so its answers can be
     *                   rebuilt by replay rather than stored; asked until it says yes, then remembered
     */
    public DecisionStore(DataSource dataSource, Predicate<String> replayable) {
        this.dataSource = dataSource;
        this.replayable = replayable;
    }

    DataSource dataSource() {
        return dataSource;
    }

    /** Inserts all rows in one transaction: one commit (one log flush) for the whole group. */
    public void insert(List<DecisionRecord> rows) throws SQLException {
        try {
            insertOnce(rows);
        } catch (SQLException e) {
            if (closedUnderUs(e)) {
                reopen();
            }
            throw e;
        }
    }

    /**
     * H2 closes its database when a write fails at the file level (a full disk: "The database has been closed",
     * 90098), but the pooled sessions stay open on the closed database, so every later use fails the same way, also
     * once space has returned. Letting go of the pooled connections lets the last session close the database; the next
     * connection opens the file again (H2 recovers it to its last commit), and the writer's retry goes on from there.
     */
    private void reopen() {
        if (dataSource instanceof io.agroal.api.AgroalDataSource pool) {
            LOG.warn("Decision log: the database was closed under the service (a full disk?); reopening it");
            pool.flush(io.agroal.api.AgroalDataSource.FlushMode.GRACEFUL);
        }
    }

    /** H2's "database is closed" (90098) or "database called at shutdown" (90121). */
    static boolean closedUnderUs(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof SQLException s && (s.getErrorCode() == 90098 || s.getErrorCode() == 90121)) {
                return true;
            }
        }
        return false;
    }

    private void insertOnce(List<DecisionRecord> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                List<Object[]> values = new ArrayList<>(rows.size());
                for (DecisionRecord d : rows) {
                    values.add(values(c, d));
                }
                write(c, values);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                forgetKeys();
                throw e;
            }
        }
    }

    /** Writes the rows (values in {@link #INSERT} order) on the open transaction. PostgreSQL overrides it with COPY. */
    void write(Connection c, List<Object[]> rows) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INSERT)) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    bind(ps, i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void bind(PreparedStatement ps, int index, Object value) throws SQLException {
        if (value == null) {
            ps.setNull(index, switch (index) {
                case 6, 7, 11 -> Types.INTEGER;
                case 8 -> Types.DATE;
                case 9, 10 -> Types.NUMERIC;
                case 12 -> Types.VARBINARY;
                default -> Types.VARCHAR;
            });
        } else {
            ps.setObject(index, value);
        }
    }

    private Object[] values(Connection c, DecisionRecord d) throws SQLException {
        boolean rebuildable = d.answerSha256() != null && replayable(d.ruleSetDigest());
        return new Object[] {d.id(), storable(d.caller()), storable(d.reference()), d.outcome(),
                ruleSetKey(c, d.ruleSetDigest(), d.ruleSetVersion()),
                d.batchJob() == null ? null : batchKey(c, d.batchJob()), d.batchLine(), d.evaluationDate(),
                d.dutyRate(), d.duty(), d.ruleIds() == null ? null : ruleIdsKey(c, d.ruleIds()), d.answerSha256(),
                d.requestJson(), rebuildable ? null : d.answerJson()};
    }

    /**
     * Text the database can index as it is: a NUL character (which PostgreSQL refuses in text) becomes U+FFFD. The
     * request and answer keep it, escaped in their JSON, so the answer is rebuilt exactly as sent.
     */
    static String storable(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    private boolean replayable(String digest) {
        if (replayableDigests.containsKey(digest)) {
            return true;
        }
        boolean yes = replayable.test(digest);
        if (yes) {
            replayableDigests.put(digest, true);
        }
        return yes;
    }

    private int ruleSetKey(Connection c, String digest, String version) throws SQLException {
        Integer key = ruleSetKeys.get(digest);
        if (key == null) {
            key = key(c, "decision_rule_set", "digest", digest);
            if (key == null) {
                key = nextKey(c, "decision_rule_set");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_rule_set (id, digest, version) VALUES (?,?,?)")) {
                    ps.setInt(1, key);
                    ps.setString(2, digest);
                    ps.setString(3, version);
                    ps.executeUpdate();
                }
            }
            ruleSetKeys.put(digest, key);
        }
        return key;
    }

    private int batchKey(Connection c, String job) throws SQLException {
        return key(c, batchKeys, "decision_batch", "job", job);
    }

    private int ruleIdsKey(Connection c, String ruleIds) throws SQLException {
        return key(c, ruleIdsKeys, "decision_rule_ids", "rule_ids", ruleIds);
    }

    /** The key of a value in a two-column (id, value) table, added if new; remembered in {@code cache}. */
    private static int key(Connection c, Map<String, Integer> cache, String table, String column, String value)
            throws SQLException {
        Integer key = cache.get(value);
        if (key == null) {
            key = key(c, table, column, value);
            if (key == null) {
                key = nextKey(c, table);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (id, " + column + ") VALUES (?,?)")) {
                    ps.setInt(1, key);
                    ps.setString(2, value);
                    ps.executeUpdate();
                }
            }
            if (cache.size() > 10_000) {
                cache.clear();
            }
            cache.put(value, key);
        }
        return key;
    }

    /** Keys handed out in a transaction that was rolled back do not exist: ask the database again next time. */
    private void forgetKeys() {
        ruleSetKeys.clear();
        batchKeys.clear();
        ruleIdsKeys.clear();
    }

    private static Integer key(Connection c, String table, String column, String value) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT id FROM " + table + " WHERE " + column + " = ?")) {
            ps.setString(1, value);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getInt(1) : null;
            }
        }
    }

    private static int nextKey(Connection c, String table) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(id), 0) + 1 FROM " + table);
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static java.time.OffsetDateTime utc(java.time.Instant instant) {
        return instant.atOffset(java.time.ZoneOffset.UTC);
    }

    /** Takes rows out of the log (decisions that were not delivered). */
    public void delete(List<UUID> ids) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM decision_entry WHERE id = ?")) {
            for (UUID id : ids) {
                ps.setObject(1, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    public Optional<DecisionRecord> find(String id) throws SQLException {
        Optional<UUID> uuid = DecisionIds.parse(id);
        if (uuid.isEmpty()) {
            return Optional.empty();
        }
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(SELECT + " WHERE e.id = ?")) {
            ps.setObject(1, uuid.get());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public List<DecisionRecord> query(DecisionQuery q) throws SQLException {
        List<DecisionRecord> rows = new ArrayList<>();
        stream(q, rows::add);
        return rows;
    }

    /** Streams the matching rows to {@code sink}, newest first, without holding them all in memory. */
    public void stream(DecisionQuery q, Consumer<DecisionRecord> sink) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = SELECT + q.where(params) + " ORDER BY e.id DESC"
                + " LIMIT " + Math.max(0, q.limit()) + " OFFSET " + Math.max(0, q.offset());
        try (Connection c = dataSource.getConnection()) {
            // PostgreSQL streams with a cursor only inside a transaction.
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                for (int i = 0; i < params.size(); i++) {
                    ps.setObject(i + 1, params.get(i));
                }
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        sink.accept(row(rs));
                    }
                }
            } finally {
                c.rollback();
            }
        }
    }

    public long count(DecisionQuery q) throws SQLException {
        List<Object> params = new ArrayList<>();
        String from = "SELECT COUNT(*) FROM decision_entry e"
                + (q.needsRuleSet() ? " JOIN decision_rule_set r ON r.id = e.rule_set" : "")
                + (q.needsBatch() ? " JOIN decision_batch b ON b.id = e.batch" : "");
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement(from + q.where(params))) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static DecisionRecord row(ResultSet rs) throws SQLException {
        int line = rs.getInt(8);
        Integer batchLine = rs.wasNull() ? null : line;
        return new DecisionRecord(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), batchLine, rs.getObject(9, LocalDate.class),
                rs.getBigDecimal(10), rs.getBigDecimal(11), rs.getString(12), rs.getBytes(13), rs.getString(14),
                rs.getString(15));
    }
}
