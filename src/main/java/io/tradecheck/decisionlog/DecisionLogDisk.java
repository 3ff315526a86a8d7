package io.tradecheck.decisionlog;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.OptionalLong;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * How much disk the decision log takes, and how much is left where it is written: the H2 files under the data folder,
 * or the PostgreSQL database's size (its free space is the database server's to watch). Sizes are read at most every
 * few seconds: a health check or a scrape never walks the disk or queries the database on every call.
 */
public final class DecisionLogDisk {
    private static final long REFRESH_NANOS = 10_000_000_000L;

    private final String database;
    private final Path dataDir;
    private final DataSource dataSource;
    private volatile long logBytes = -1;
    private volatile long readAt = System.nanoTime() - REFRESH_NANOS - 1;

    public DecisionLogDisk(String database, Path dataDir, DataSource dataSource) {
        this.database = database;
        this.dataDir = dataDir;
        this.dataSource = dataSource;
    }

    /** Bytes the log takes (last reading; -1 if it could not be read). */
    public long logBytes() {
        if (System.nanoTime() - readAt > REFRESH_NANOS) {
            readAt = System.nanoTime();
            logBytes = database.equals("h2") ? h2Bytes() : postgresBytes();
        }
        return logBytes;
    }

    /** Bytes free on the file system the H2 log is written to; empty for PostgreSQL (not on this machine). */
    public OptionalLong freeBytes() {
        if (!database.equals("h2")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Files.getFileStore(Files.exists(dataDir) ? dataDir : dataDir.toAbsolutePath().getRoot()).getUsableSpace());
        } catch (IOException e) {
            return OptionalLong.empty();
        }
    }

    private long h2Bytes() {
        try (Stream<Path> files = Files.list(dataDir)) {
            return files.filter(p -> p.getFileName().toString().startsWith("tradecheck.") && p.getFileName().toString().endsWith(".db"))
                    .mapToLong(p -> p.toFile().length()).sum();
        } catch (IOException e) {
            return -1;
        }
    }

    private long postgresBytes() {
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            s.setQueryTimeout(2);
            try (ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            return -1;
        }
    }
}
