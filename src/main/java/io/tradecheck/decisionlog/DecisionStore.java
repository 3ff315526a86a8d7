package io.tradecheck.decisionlog;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** The decision table, in plain JDBC: the same statements run on H2 and PostgreSQL. */
public final class DecisionStore {
    private static final String COLUMNS = "id, decided_at, caller, reference, outcome, rule_set_version, rule_set_digest, "
            + "batch_job, batch_line, request_json, response_json";

    private final DataSource dataSource;

    public DecisionStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Inserts all rows in one transaction: one commit (one log flush) for the whole group. */
    public void insert(List<LoggedDecision> rows) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision (" + COLUMNS + ") VALUES (?,?,?,?,?,?,?,?,?,?,?)")) {
                for (LoggedDecision d : rows) {
                    ps.setString(1, d.id());
                    ps.setObject(2, utc(d.decidedAt()));
                    ps.setString(3, d.caller());
                    ps.setString(4, d.reference());
                    ps.setString(5, d.outcome());
                    ps.setString(6, d.ruleSetVersion());
                    ps.setString(7, d.ruleSetDigest());
                    ps.setString(8, d.batchJob());
                    if (d.batchLine() == null) {
                        ps.setNull(9, Types.INTEGER);
                    } else {
                        ps.setInt(9, d.batchLine());
                    }
                    ps.setString(10, d.requestJson());
                    ps.setString(11, d.responseJson());
                    ps.addBatch();
                }
                ps.executeBatch();
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    public Optional<LoggedDecision> find(String id) throws SQLException {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM decision WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    public List<LoggedDecision> query(DecisionQuery q) throws SQLException {
        List<LoggedDecision> rows = new ArrayList<>();
        stream(q, rows::add);
        return rows;
    }

    /** Streams the matching rows to {@code sink}, newest first, without holding them all in memory. */
    public void stream(DecisionQuery q, Consumer<LoggedDecision> sink) throws SQLException {
        List<Object> params = new ArrayList<>();
        String sql = "SELECT " + COLUMNS + " FROM decision" + q.where(params) + " ORDER BY decided_at DESC, id DESC"
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
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM decision" + q.where(params))) {
            for (int i = 0; i < params.size(); i++) {
                ps.setObject(i + 1, params.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static LoggedDecision row(ResultSet rs) throws SQLException {
        int line = rs.getInt(9);
        return new LoggedDecision(rs.getString(1), rs.getObject(2, OffsetDateTime.class).toInstant(), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getString(6), rs.getString(7), rs.getString(8), rs.wasNull() ? null : line,
                rs.getString(10), rs.getString(11));
    }

    static OffsetDateTime utc(Instant instant) {
        return instant.atOffset(ZoneOffset.UTC);
    }
}
