package io.tradecheck.editing;

import java.nio.file.Path;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;

/** A rule history in an H2 file under a test's folder, migrated with the service's own scripts. */
public final class TestHistory {
    private TestHistory() {
    }

    /** Opening the same folder again is a restart: the versions recorded before are there. */
    public static RuleHistory in(Path dir) {
        JdbcDataSource dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:file:" + dir.toAbsolutePath().resolve("tradecheck") + ";WRITE_DELAY=0");
        Flyway.configure().dataSource(dataSource).load().migrate();
        return new RuleHistory(dataSource);
    }
}
