package io.tradecheck.decisionlog;

import io.tradecheck.engine.RuleFile;
import io.tradecheck.engine.RulePackSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every rule set that was ever in force, with its files, and every activation: the evidence of which rules made a
 * decision, and what a replay recompiles years later. Files are stored once per digest however often they are activated.
 */
public final class RuleHistoryStore {
    private final DataSource dataSource;

    public RuleHistoryStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void recordActivation(RulePackSource source, String version, Instant at, String by, String action,
                                 String comment, String previousDigest) throws SQLException {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!exists(c, source.digest())) {
                    insertRuleSet(c, source, version, at);
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_activation (activated_at, activated_by, "
                        + "action, comment, digest, version, previous_digest) VALUES (?,?,?,?,?,?,?)")) {
                    ps.setObject(1, DecisionStore.utc(at));
                    ps.setString(2, by);
                    ps.setString(3, action);
                    ps.setString(4, comment == null || comment.length() <= 4000 ? comment : comment.substring(0, 4000));
                    ps.setString(5, source.digest());
                    ps.setString(6, version);
                    ps.setString(7, previousDigest);
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        }
    }

    /** Newest first. */
    public List<RuleActivationEntry> activations(int limit) throws SQLException {
        List<RuleActivationEntry> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT id, activated_at, activated_by, action, comment, digest, "
                     + "version, previous_digest FROM rule_activation ORDER BY id DESC LIMIT " + Math.max(0, limit));
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                list.add(new RuleActivationEntry(rs.getLong(1), rs.getObject(2, OffsetDateTime.class).toInstant(),
                        rs.getString(3), rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7),
                        rs.getString(8)));
            }
        }
        return list;
    }

    /** Whether the files of this rule set are kept (so its decisions can be rebuilt by replay). */
    public boolean holds(String digest) {
        try (Connection c = dataSource.getConnection()) {
            return exists(c, digest);
        } catch (SQLException e) {
            return false;
        }
    }

    /** The files of a rule set, as they were activated; empty if that digest was never recorded. */
    public Optional<RulePackSource> source(String digest) throws SQLException {
        List<RuleFile> files = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT path, content FROM rule_set_file WHERE digest = ? ORDER BY path")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(RulePackSource.file(rs.getString(1), rs.getBytes(2)));
                }
            }
        }
        if (files.isEmpty()) {
            return Optional.empty();
        }
        RulePackSource source = RulePackSource.of("rule history " + digest, files);
        if (!source.digest().equals(digest)) {
            throw new IllegalStateException("stored files of " + digest + " digest to " + source.digest());
        }
        return Optional.of(source);
    }

    private static boolean exists(Connection c, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rule_set WHERE digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertRuleSet(Connection c, RulePackSource source, String version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set (digest, version, first_seen, file_count) VALUES (?,?,?,?)")) {
            ps.setString(1, source.digest());
            ps.setString(2, version);
            ps.setObject(3, DecisionStore.utc(at));
            ps.setInt(4, source.files().size());
            ps.executeUpdate();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set_file (digest, path, sha256, content) VALUES (?,?,?,?)")) {
            for (RuleFile f : source.files()) {
                ps.setString(1, source.digest());
                ps.setString(2, f.path());
                ps.setString(3, f.sha256());
                ps.setBytes(4, f.content());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
