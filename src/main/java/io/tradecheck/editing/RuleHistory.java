package io.tradecheck.editing;

import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * Every rule set that was ever in force, in the database: each activation is a numbered {@link RuleVersion} (the
 * number is the row's sequence id, never reused), and the files of each digest are kept once, for ever. It is what a
 * rollback restores (to any version ever in force, also after a restart), what start-up falls back on when the rules
 * folder does not pass the pack check, and what a replay of a logged decision recompiles.
 */
public final class RuleHistory {
    private static final String VERSION_COLUMNS = "a.id, a.version, a.digest, a.activated_at, a.activated_by, a.comment, "
            + "a.action, a.restored_from, s.file_count FROM rule_activation a JOIN rule_set s ON s.digest = a.digest";

    /** A version with its files. */
    public record Stored(RuleVersion version, RulePackSource source) {
    }

    private final DataSource dataSource;

    public RuleHistory(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Every version, oldest first. */
    public List<RuleVersion> list() {
        return versions("ORDER BY a.id", null);
    }

    public Optional<Stored> get(int number) {
        return versions("WHERE a.id = ?", (long) number).stream().findFirst().map(this::stored);
    }

    public Optional<Stored> latest() {
        return versions("WHERE a.id = (SELECT MAX(id) FROM rule_activation)", null).stream().findFirst().map(this::stored);
    }

    /**
     * The number of the version in force according to the database (the newest activation; 0 when there is none): one
     * read of the primary key's index, cheap enough to poll every second from every replica.
     */
    public int latestNumber() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT MAX(id) FROM rule_activation");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Math.toIntExact(rs.getLong(1)) : 0;
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot read the rule history", e);
        }
    }

    /**
     * Replicas: stores the files of a rule set about to be activated and announces its digest, so that every replica
     * compiles it ahead ({@link #latestPrepared}) before the activation is recorded.
     */
    public void prepare(RulePackSource source, String packVersion, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!exists(c, source.digest())) {
                    insertFiles(c, source, packVersion, at.truncatedTo(java.time.temporal.ChronoUnit.MICROS));
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_prepared (digest, prepared_at) VALUES (?,?)")) {
                    ps.setString(1, source.digest());
                    ps.setObject(2, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.executeUpdate();
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot prepare the rule set " + source.digest(), e);
        }
    }

    /** The digest last announced by {@link #prepare}, if any. */
    public Optional<String> latestPrepared() {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT digest FROM rule_prepared WHERE id = (SELECT MAX(id) FROM rule_prepared)");
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot read the rule history", e);
        }
    }

    /** Replicas: this replica is alive and has the rule set with {@code digest} compiled (in force or ahead). */
    public void reportReady(String node, String digest) {
        try (Connection c = dataSource.getConnection()) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE rule_replica SET ready_digest = ?, seen_at = CURRENT_TIMESTAMP WHERE node = ?")) {
                ps.setString(1, digest);
                ps.setString(2, node);
                if (ps.executeUpdate() == 1) {
                    return;
                }
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_replica (node, ready_digest, seen_at) VALUES (?,?,CURRENT_TIMESTAMP)")) {
                ps.setString(1, node);
                ps.setString(2, digest);
                ps.executeUpdate();
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot report replica " + node, e);
        }
    }

    /** A replica that stops cleanly is no longer waited for. */
    public void forgetReplica(String node) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM rule_replica WHERE node = ?")) {
            ps.setString(1, node);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot forget replica " + node, e);
        }
    }

    /** The other replicas seen within {@code seconds} that do not have {@code digest} compiled yet. */
    public List<String> replicasNotReady(String digest, String self, int seconds) {
        List<String> nodes = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT node FROM rule_replica WHERE node <> ? AND seen_at > "
                     + "CURRENT_TIMESTAMP - INTERVAL '" + seconds + "' SECOND AND (ready_digest IS NULL OR ready_digest <> ?)")) {
            ps.setString(1, self);
            ps.setString(2, digest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    nodes.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot read the replicas", e);
        }
        return nodes;
    }

    /** The newest version made of the files with this digest. */
    public Optional<RuleVersion> latestWith(String digest) {
        return versions("WHERE a.id = (SELECT MAX(id) FROM rule_activation WHERE digest = ?)", digest).stream().findFirst();
    }

    /**
     * The pack version to record for these files: the one the editors wrote in pack.properties, or, when a version
     * already carries that name with other content (the editors changed files without bumping it), that name with the
     * first 12 hex digits of the digest ({@code 2026.11.28-2+sha256.1a2b3c4d5e6f}), so one name never means two contents.
     */
    public String packVersionFor(String written, String digest) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rule_activation WHERE digest <> ? AND (version = ? OR version LIKE ?)")) {
            ps.setString(1, digest);
            ps.setString(2, written);
            ps.setString(3, written.replace("%", "\\%").replace("_", "\\_") + "+%");
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? written + "+" + digest.replace(":", ".").substring(0, "sha256.".length() + 12) : written;
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot read the rule history", e);
        }
    }

    /** Records a version: its files (once per digest) and the activation, in one transaction. */
    public RuleVersion record(RulePackSource source, String packVersion, String by, String comment, RuleVersion.How how,
                              Integer restoredFrom, Instant at, String previousDigest) {
        String why = comment == null || comment.length() <= 4000 ? comment : comment.substring(0, 4000);
        // Microseconds: what both databases keep, so a version read back equals the one recorded.
        at = at.truncatedTo(java.time.temporal.ChronoUnit.MICROS);
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (!exists(c, source.digest())) {
                    insertFiles(c, source, packVersion, at);
                }
                long number;
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_activation (activated_at, activated_by, "
                        + "action, comment, digest, version, previous_digest, restored_from) VALUES (?,?,?,?,?,?,?,?)",
                        new String[] {"id"})) {
                    ps.setObject(1, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
                    ps.setString(2, by);
                    ps.setString(3, how.name());
                    ps.setString(4, why);
                    ps.setString(5, source.digest());
                    ps.setString(6, packVersion);
                    ps.setString(7, previousDigest);
                    ps.setObject(8, restoredFrom == null ? null : restoredFrom.longValue());
                    ps.executeUpdate();
                    try (ResultSet keys = ps.getGeneratedKeys()) {
                        keys.next();
                        number = keys.getLong(1);
                    }
                }
                c.commit();
                return new RuleVersion(Math.toIntExact(number), packVersion, source.digest(), at, by, why, how,
                        restoredFrom, source.files().size());
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot record the rule version of " + source.digest(), e);
        }
    }

    /** Whether the files of this rule set are kept (so its decisions can be rebuilt by replay). */
    public boolean holds(String digest) {
        try (Connection c = dataSource.getConnection()) {
            return exists(c, digest);
        } catch (SQLException e) {
            return false;
        }
    }

    /** Forgets a version just recorded whose activation failed (its folder could not be written). */
    void discard(int number) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("DELETE FROM rule_activation WHERE id = ?")) {
            ps.setLong(1, number);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot forget rule version " + number, e);
        }
    }

    /** The files of a rule set, as they were activated; empty if that digest was never in force. */
    public Optional<RulePackSource> source(String digest) {
        List<RuleFile> files = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT path, content FROM rule_set_file WHERE digest = ? ORDER BY path")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    files.add(RulePackSource.file(rs.getString(1), rs.getBytes(2)));
                }
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot read the files of " + digest, e);
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

    private Stored stored(RuleVersion version) {
        return new Stored(version, source(version.digest()).orElseThrow());
    }

    private List<RuleVersion> versions(String where, Object parameter) {
        List<RuleVersion> list = new ArrayList<>();
        try (Connection c = dataSource.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT " + VERSION_COLUMNS + " " + where)) {
            if (parameter != null) {
                ps.setObject(1, parameter);
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long restored = rs.getLong(8);
                    Integer restoredFrom = rs.wasNull() ? null : Math.toIntExact(restored);
                    list.add(new RuleVersion(Math.toIntExact(rs.getLong(1)), rs.getString(2), rs.getString(3),
                            rs.getObject(4, OffsetDateTime.class).toInstant(), rs.getString(5), rs.getString(6),
                            RuleVersion.How.valueOf(rs.getString(7)), restoredFrom, rs.getInt(9)));
                }
            }
        } catch (SQLException e) {
            throw new RuleHistoryUnavailableException("cannot read the rule history", e);
        }
        return list;
    }

    private static boolean exists(Connection c, String digest) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT 1 FROM rule_set WHERE digest = ?")) {
            ps.setString(1, digest);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }

    private static void insertFiles(Connection c, RulePackSource source, String version, Instant at) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO rule_set (digest, version, first_seen, file_count) VALUES (?,?,?,?)")) {
            ps.setString(1, source.digest());
            ps.setString(2, version);
            ps.setObject(3, OffsetDateTime.ofInstant(at, ZoneOffset.UTC));
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
