package io.tradecheck.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.model.Origin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.h2.jdbcx.JdbcDataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The writer on its own, on an in-memory H2 with the real migration: grouping, draining, failing loudly. */
class GroupCommitWriterTest {
    private JdbcDataSource dataSource;
    private DecisionStore store;

    @BeforeEach
    void schema() throws Exception {
        dataSource = new JdbcDataSource();
        dataSource.setURL("jdbc:h2:mem:" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1");
        String sql = Files.readString(Path.of("src/main/resources/db/migration/V1__decision_log_and_rule_history.sql"));
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (String statement : sql.replaceAll("(?m)^--.*$", "").split(";")) {
                if (!statement.isBlank()) {
                    s.execute(statement);
                }
            }
        }
        store = new DecisionStore(dataSource);
    }

    static LoggedDecision row(int i) {
        return new LoggedDecision(UUID.randomUUID().toString(), Instant.now(), "test", "REF-" + i, "CLEAR", "v1",
                "sha256:x", null, null, "{}", "{}");
    }

    private long count() throws SQLException {
        return store.count(new DecisionQuery(null, null, null, null, null, null, 1, 0));
    }

    @Test
    void concurrentDecisionsShareCommitsAndAllArrive() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 10_000, 500);
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 2000; i++) {
            futures.add(writer.submit(row(i), Duration.ofSeconds(5)));
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
        assertEquals(2000, count());
        assertTrue(writer.groups() < 2000, "no grouping: " + writer.groups() + " commits");
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void withALingerRowsArrivingOneByOneShareACommit() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 100, 50, Duration.ofMillis(500));
        List<CompletableFuture<Void>> futures = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            futures.add(writer.submit(row(i), Duration.ofSeconds(5)));
            Thread.sleep(2);
        }
        CompletableFuture.allOf(futures.toArray(CompletableFuture[]::new)).get(10, TimeUnit.SECONDS);
        assertEquals(20, count());
        assertTrue(writer.groups() <= 2, "20 rows 2 ms apart within a 500 ms linger: " + writer.groups() + " commits");
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void aCleanStopWritesEverythingStillQueued() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 10_000, 50);
        for (int i = 0; i < 3000; i++) {
            writer.submit(row(i), Duration.ofSeconds(5)); // async: nobody waits
        }
        writer.close(Duration.ofSeconds(30));
        assertEquals(3000, count());
        assertEquals(0, writer.queued());
        assertThrows(DecisionLogUnavailableException.class, () -> writer.submit(row(0), Duration.ofMillis(10)));
    }

    @Test
    void aDecisionThatCannotBeWrittenFailsItsFutureAfterRetries() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 100, 10);
        LoggedDecision first = row(1);
        writer.submit(first, Duration.ofSeconds(1)).get(10, TimeUnit.SECONDS);
        // The same id again: the primary key refuses it, every retry too.
        CompletableFuture<Void> duplicate = writer.submit(first, Duration.ofSeconds(1));
        Exception e = assertThrows(Exception.class, () -> duplicate.get(20, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof SQLException, e.toString());
        assertEquals(1, writer.lost());
        writer.close(Duration.ofSeconds(5));
    }

    private static final com.fasterxml.jackson.databind.ObjectMapper JSON =
            new com.fasterxml.jackson.databind.ObjectMapper().findAndRegisterModules();

    /** A real check to log: the Geneva soccer-ball request decided on the bundled pack. */
    private record Checked(io.tradecheck.engine.RuleSet ruleSet, io.tradecheck.model.CheckRequest request,
                           io.tradecheck.model.Decision decision) {
        static Checked genevaSoccerBalls() throws Exception {
            var ruleSet = new io.tradecheck.pack.RulePackCompiler().compile(
                    io.tradecheck.pack.RulePackSource.fromDirectory(Path.of("rules")));
            var checker = new io.tradecheck.engine.ShipmentChecker(new io.tradecheck.engine.ActiveRuleSet(ruleSet),
                    java.time.ZoneId.of("America/New_York"));
            var request = JSON.readValue(Files.readString(Path.of("src/test/resources/checks/china-geneva-2025-06-01.json")),
                    io.tradecheck.model.CheckRequest.class);
            return new Checked(ruleSet, request, checker.evaluate(request, ruleSet, java.time.LocalDate.parse("2025-06-01")));
        }
    }

    private static DecisionLog log(DecisionLogMode mode, GroupCommitWriter writer) {
        return new DecisionLog(mode, writer, JSON, () -> "anna", java.time.Clock.systemUTC(), Duration.ofSeconds(10));
    }

    @Test
    void theNonBlockingPathAnswersAfterTheCommitAndFailsAsUnavailableWhenTheRowCannotBeWritten() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 100, 10);
        Checked c = Checked.genevaSoccerBalls();
        DecisionLog durable = log(DecisionLogMode.DURABLE, writer);

        String id = durable.recordLater(c.request(), c.decision(), c.ruleSet()).toCompletableFuture().get(10, TimeUnit.SECONDS).decisionId();
        assertEquals("anna", store.find(id).orElseThrow().caller(), "in the log when the stage completes");

        try (Connection connection = dataSource.getConnection(); Statement s = connection.createStatement()) {
            s.execute("DROP TABLE decision");
        }
        CompletableFuture<io.tradecheck.model.Decision> failed =
                durable.recordLater(c.request(), c.decision(), c.ruleSet()).toCompletableFuture();
        Exception e = assertThrows(Exception.class, () -> failed.get(30, TimeUnit.SECONDS));
        assertTrue(e.getCause() instanceof DecisionLogUnavailableException, "unwrapped for the 503 mapper: " + e.getCause());
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void theNonBlockingPathRefusesAtOnceWhenTheQueueIsFull() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        // The database hangs: the writer holds its first row, and the queue of one fills up.
        javax.sql.DataSource stuck = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection")) {
                        release.await();
                    }
                    return method.invoke(dataSource, args);
                });
        GroupCommitWriter writer = new GroupCommitWriter(new DecisionStore(stuck), 1, 10);
        Checked c = Checked.genevaSoccerBalls();
        DecisionLog async = log(DecisionLogMode.ASYNC, writer);
        async.recordLater(c.request(), c.decision(), c.ruleSet());   // taken by the writer, which then hangs
        while (writer.queued() > 0) {
            Thread.sleep(1);
        }
        async.recordLater(c.request(), c.decision(), c.ruleSet());   // fills the queue of one
        long started = System.nanoTime();
        assertThrows(DecisionLogUnavailableException.class, () -> async.recordLater(c.request(), c.decision(), c.ruleSet()));
        assertTrue(System.nanoTime() - started < TimeUnit.SECONDS.toNanos(5), "refused without waiting for max-wait (10 s)");
        release.countDown();
        writer.close(Duration.ofSeconds(10));
        assertEquals(2, count());
    }

    @Test
    void durableModeReturnsOnlyAfterTheCommitAndAsyncAtOnce() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 100, 10);
        var json = JSON;
        Checked checked = Checked.genevaSoccerBalls();
        var ruleSet = checked.ruleSet();
        var request = checked.request();
        var decision = checked.decision();

        DecisionLog durable = new DecisionLog(DecisionLogMode.DURABLE, writer, json, () -> "anna", java.time.Clock.systemUTC(),
                Duration.ofSeconds(10));
        String id = durable.record(request, decision, ruleSet, Origin.CURRENT_CALLER).decisionId();
        assertEquals("anna", store.find(id).orElseThrow().caller(), "durable: in the log when record() returns");

        DecisionLog off = new DecisionLog(DecisionLogMode.OFF, writer, json, () -> "anna", java.time.Clock.systemUTC(),
                Duration.ofSeconds(10));
        assertEquals(null, off.record(request, decision, ruleSet, Origin.CURRENT_CALLER).decisionId());

        DecisionLog async = new DecisionLog(DecisionLogMode.ASYNC, writer, json, () -> "anna", java.time.Clock.systemUTC(),
                Duration.ofSeconds(10));
        String batchLine = async.record(request, decision, ruleSet, Origin.batchLine("bob", "job-1", 7))
                .decisionId();
        writer.close(Duration.ofSeconds(10));
        LoggedDecision logged = store.find(batchLine).orElseThrow();
        assertEquals("bob", logged.caller());
        assertEquals("job-1", logged.batchJob());
        assertEquals(7, logged.batchLine());
        assertEquals(2, count());
    }
}
