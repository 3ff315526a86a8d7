package io.tradecheck.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.decisionlog.DecisionArchive;
import io.tradecheck.model.Origin;
import io.tradecheck.decisionlog.DecisionLog;
import io.tradecheck.decisionlog.DecisionLogMode;
import io.tradecheck.decisionlog.DecisionQuery;
import io.tradecheck.decisionlog.DecisionStore;
import io.tradecheck.decisionlog.GroupCommitWriter;
import io.tradecheck.decisionlog.LoggedDecision;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.engine.ActiveRuleSet;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcDataSource;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Bytes on disk per logged decision (issue 12): N real checks (a mix of the request files under
 * src/test/resources/checks on the bundled pack, half of them as lines of 100,000-line batch jobs) are logged through
 * the service's writer into a fresh H2 file or PostgreSQL database; the database is closed, reopened (timed), and its
 * size divided by N. Then a sample of decisions is read back through {@link DecisionArchive} to show the full answers
 * are rebuilt and match their digests.
 *
 * <pre>
 * ./mvnw -B -ntp -Pbench test-compile exec:exec@bench -Dbench.main=io.tradecheck.bench.DecisionLogStorage -Dbench.args="h2 1000000"
 * source .ci/postgres.sh && pg_start   # then:
 * ./mvnw -B -ntp -Pbench test-compile exec:exec@bench -Dbench.main=io.tradecheck.bench.DecisionLogStorage -Dbench.args="postgresql 1000000"
 * </pre>
 * H2 settings of the run are those of application.properties unless {@code -Dh2.settings=...} is given.
 */
public final class DecisionLogStorage {
    public static void main(String[] args) throws Exception {
        io.tradecheck.cli.TradecheckCommand.quietLibraries();
        String database = args.length > 0 ? args[0] : "h2";
        int n = args.length > 1 ? Integer.parseInt(args[1]) : 1_000_000;
        ObjectMapper json = new ObjectMapper().findAndRegisterModules();
        RulePackSource source = RulePackSource.fromDirectory(Path.of("rules"));
        RuleSet ruleSet = new RulePackCompiler().compile(source);
        ShipmentChecker plain = new ShipmentChecker(new ActiveRuleSet(ruleSet), ZoneId.of("America/New_York"));
        List<CheckRequest> mix = new ArrayList<>();
        try (Stream<Path> files = Files.list(Path.of("src/test/resources/checks"))) {
            for (Path f : files.sorted().toList()) {
                try {
                    CheckRequest r = json.readValue(f.toFile(), CheckRequest.class);
                    if (RequestCheck.valid(r)) {
                        mix.add(r);
                    }
                } catch (Exception ignored) {
                    // the malformed examples
                }
            }
        }

        Path dir = Files.createTempDirectory("declog-storage");
        String h2Settings = System.getProperty("h2.settings", H2_SETTINGS);
        DataSource ds = database.equals("h2") ? h2(dir, h2Settings) : postgres();
        Connection keeper = ds.getConnection(); // H2: the database stays open while the writer opens and closes connections
        if (!database.equals("h2")) {
            try (Statement s = keeper.createStatement()) {
                s.execute("DROP SCHEMA public CASCADE");
                s.execute("CREATE SCHEMA public");
            }
        }
        Flyway.configure().dataSource(ds).locations("classpath:db/migration").load().migrate();
        long before = size(database, keeper, dir);
        RuleHistory history = new RuleHistory(ds);
        history.record(source, ruleSet.info().version(), "bench", null, io.tradecheck.editing.RuleVersion.How.START_UP,
                null, Instant.now(), null);
        DecisionStore store = new DecisionStore(ds, history::holds);
        GroupCommitWriter writer = new GroupCommitWriter(store, 20_000, 1000, Duration.ofMillis(5));
        DecisionLog log = new DecisionLog(DecisionLogMode.ASYNC, writer, json, () -> "checker-app", Clock.systemUTC(),
                Duration.ofSeconds(60));

        List<Decision> answers = mix.stream().map(r -> plain.evaluate(r, ruleSet, java.time.LocalDate.now(ZoneId.of("America/New_York")))).toList();
        long started = System.nanoTime();
        int threads = 2;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> done = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            int first = t;
            done.add(pool.submit(() -> {
                for (int i = first; i < n; i += threads) {
                    String reference = "PO-" + (4_700_000 + i);
                    CheckRequest r = withReference(mix.get(i % mix.size()), reference);
                    // The engine's answer to this request (it only echoes the reference), computed once per request file:
                    // what is measured here is the log, not the rules.
                    Decision a = answers.get(i % mix.size());
                    Decision d = new Decision(reference, a.decision(), a.additionalDutyRate(), a.additionalDuty(), a.currency(),
                            a.evaluationDate(), a.findings(), a.ruleSet());
                    if (i % 2 == 0) {
                        int line = i / 2;
                        log.record(r, d, ruleSet, Origin.batchLine("orders-desk", "job-" + (line / 100_000),
                                line % 100_000 + 2));
                    } else {
                        log.record(r, d, ruleSet, Origin.CURRENT_CALLER);
                    }
                }
                return null;
            }));
        }
        for (Future<?> f : done) {
            f.get();
        }
        writer.close(Duration.ofMinutes(10));
        pool.shutdown();
        double secs = (System.nanoTime() - started) / 1e9;
        System.out.printf("logged %,d decisions in %.1f s (%,.0f/s, %d commits, %d lost)%n", writer.written(), secs,
                writer.written() / secs, writer.groups(), writer.lost());

        System.out.printf("size while open, before close: %,d bytes (%.0f/decision)%n", size(database, keeper, dir),
                size(database, keeper, dir) / (double) writer.written());
        long closeStarted = System.nanoTime();
        keeper.close(); // H2: the last connection closes the database (compaction on close)
        System.out.printf("close: %.1f s%n", (System.nanoTime() - closeStarted) / 1e9);
        long openStarted = System.nanoTime();
        keeper = ds.getConnection();
        long count;
        try (Statement s = keeper.createStatement(); ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM decision_entry")) {
            rs.next();
            count = rs.getLong(1);
        }
        System.out.printf("reopen and count: %.2f s, %,d rows%n", (System.nanoTime() - openStarted) / 1e9, count);
        long after = size(database, keeper, dir);
        System.out.printf("%s: %,d bytes after %,d decisions = %.0f bytes/decision (empty schema: %,d bytes)%n",
                database, after, count, (after - before) / (double) count, before);
        if (database.equals("postgresql")) {
            try (Statement s = keeper.createStatement(); ResultSet rs = s.executeQuery(
                    "SELECT relname, pg_total_relation_size(oid) FROM pg_class WHERE relname LIKE 'decision%' AND relkind IN ('r','i') ORDER BY 2 DESC")) {
                while (rs.next()) {
                    System.out.printf("  %-32s %,d bytes (%.0f/decision)%n", rs.getString(1), rs.getLong(2), rs.getLong(2) / (double) count);
                }
            }
        }

        DecisionArchive archive = new DecisionArchive(store, digest -> digest.equals(ruleSet.info().digest())
                ? Optional.of(ruleSet) : Optional.empty(), plain, json);
        long readStarted = System.nanoTime();
        List<LoggedDecision> sample = archive.query(new DecisionQuery(null, null, null, null, null, null, 1000, n / 2));
        long rebuilt = sample.stream().filter(d -> !d.responseJson().contains("\"rebuilt\":false")).count();
        System.out.printf("read back %d decisions with full answers: %d rebuilt and verified, %.0f µs each%n",
                sample.size(), rebuilt, (System.nanoTime() - readStarted) / 1e3 / Math.max(1, sample.size()));
        keeper.close();
        if (database.equals("h2")) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        System.exit(0);
    }

    /** The settings of the service's H2 URL (application.properties), after the file name. */
    static final String H2_SETTINGS = settingsOfServiceUrl();

    private static String settingsOfServiceUrl() {
        try {
            java.util.Properties p = new java.util.Properties();
            try (var in = Files.newInputStream(Path.of("src/main/resources/application.properties"))) {
                p.load(in);
            }
            String url = p.getProperty("quarkus.datasource.h2.jdbc.url");
            return url.contains(";") ? url.substring(url.indexOf(';')) : "";
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DataSource h2(Path dir, String settings) {
        JdbcDataSource ds = new JdbcDataSource();
        ds.setURL("jdbc:h2:file:" + dir.resolve("tradecheck") + settings);
        ds.setUser("tradecheck");
        System.out.println("H2 URL settings: " + settings);
        return ds;
    }

    private static DataSource postgres() {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getenv("TRADECHECK_TEST_PG_URL"));
        ds.setUser(System.getenv("TRADECHECK_TEST_PG_USER"));
        ds.setPassword(System.getenv("TRADECHECK_TEST_PG_PASSWORD"));
        return ds;
    }

    private static long size(String database, Connection c, Path dir) throws Exception {
        if (database.equals("h2")) {
            try (Stream<Path> files = Files.list(dir)) {
                return files.mapToLong(p -> p.toFile().length()).sum();
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_database_size(current_database())")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static final ObjectMapper COPIER = new ObjectMapper().findAndRegisterModules();

    /** The same request or answer under another reference (through JSON, so it holds whatever fields it has). */
    @SuppressWarnings("unchecked")
    private static <T> T withReference(T value, String reference) {
        com.fasterxml.jackson.databind.node.ObjectNode node = COPIER.valueToTree(value);
        node.put("reference", reference);
        try {
            return (T) COPIER.treeToValue(node, value.getClass());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Valid request files only (the others exist to test the error answers). */
    private static final class RequestCheck {
        private static final jakarta.validation.Validator VALIDATOR = io.tradecheck.model.validation.RequestValidation.validator();

        static boolean valid(CheckRequest r) {
            return r != null && VALIDATOR.validate(r).isEmpty();
        }
    }
}
