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
        migrate(dataSource);
        store = new DecisionStore(dataSource);
    }

    /** Every Flyway migration of the service, in version order (the tests here run without Flyway). */
    static void migrate(javax.sql.DataSource dataSource) throws Exception {
        List<Path> migrations;
        try (var files = Files.list(Path.of("src/main/resources/db/migration"))) {
            migrations = files.sorted(java.util.Comparator.comparing(GroupCommitWriterTest::version)).toList();
        }
        try (Connection c = dataSource.getConnection(); Statement s = c.createStatement()) {
            for (Path migration : migrations) {
                for (String statement : Files.readString(migration).replaceAll("(?m)^--.*$", "").split(";")) {
                    if (!statement.isBlank()) {
                        s.execute(statement);
                    }
                }
            }
        }
    }

    private static java.math.BigDecimal version(Path migration) {
        String name = migration.getFileName().toString();
        return new java.math.BigDecimal(name.substring(1, name.indexOf("__")).replace('_', '.'));
    }

    static DecisionRecord row(int i) {
        return new DecisionRecord(DecisionIds.nextUuid(System.currentTimeMillis()), "test", "REF-" + i, "CLEAR", "v1",
                "sha256:x", null, null, null, null, null, null, new byte[32], "{}", "{}");
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
        DecisionRecord first = row(1);
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
            s.execute("DROP TABLE decision_entry");
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
        DecisionRecord logged = store.find(batchLine).orElseThrow();
        assertEquals("bob", logged.caller());
        assertEquals("job-1", logged.batchJob());
        assertEquals(7, logged.batchLine());
        assertEquals(2, count());
    }

    @Test
    void oneRowTheDatabaseRefusesDoesNotTakeItsGroupWithIt() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 1000, 500, Duration.ofMillis(200));
        List<CompletableFuture<Void>> good = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            good.add(writer.submit(row(i), Duration.ofSeconds(5)));
        }
        DecisionRecord r = row(99);
        // An outcome longer than its column: the database refuses this row (SQL state 22001), as PostgreSQL refuses a NUL.
        DecisionRecord bad = new DecisionRecord(r.id(), r.caller(), r.reference(), "X".repeat(40), r.ruleSetVersion(),
                r.ruleSetDigest(), null, null, null, null, null, null, r.answerSha256(), r.requestJson(), r.answerJson());
        CompletableFuture<Void> refused = writer.submit(bad, Duration.ofSeconds(5));
        for (int i = 30; i < 60; i++) {
            good.add(writer.submit(row(i), Duration.ofSeconds(5)));
        }
        CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get(20, TimeUnit.SECONDS);
        assertThrows(Exception.class, () -> refused.get(20, TimeUnit.SECONDS));
        assertEquals(60, count(), "every other row of the group is in the log");
        assertEquals(1, writer.lost());
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void aNulInTheReferenceIsStoredAsAReplacementCharacter() throws Exception {
        GroupCommitWriter writer = new GroupCommitWriter(store, 100, 10);
        DecisionRecord r = row(1);
        DecisionRecord nul = new DecisionRecord(r.id(), "an\0na", "PO\0-1", r.outcome(), r.ruleSetVersion(), r.ruleSetDigest(),
                null, null, null, null, null, null, r.answerSha256(), r.requestJson(), r.answerJson());
        writer.submit(nul, Duration.ofSeconds(5)).get(10, TimeUnit.SECONDS);
        assertEquals("PO\uFFFD-1", store.find(r.id().toString()).orElseThrow().reference());
        assertEquals(1, store.count(new DecisionQuery(null, null, "PO\0-1", null, null, null, 10, 0)), "found by what was sent");
        writer.close(Duration.ofSeconds(5));
    }

    @Test
    void aDurableCheckAnswered503IsNotLeftInTheLogAsADecision() throws Exception {
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        java.util.concurrent.atomic.AtomicInteger connections = new java.util.concurrent.atomic.AtomicInteger();
        // The database hangs on the first commit for longer than the caller waits, then completes it.
        javax.sql.DataSource hangsOnce = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    Object result = method.invoke(dataSource, args);
                    if (method.getName().equals("getConnection") && connections.getAndIncrement() == 0) {
                        release.await();
                    }
                    return result;
                });
        GroupCommitWriter writer = new GroupCommitWriter(new DecisionStore(hangsOnce), 100, 10);
        Checked c = Checked.genevaSoccerBalls();
        DecisionLog durable = new DecisionLog(DecisionLogMode.DURABLE, writer, JSON, () -> "anna", java.time.Clock.systemUTC(),
                Duration.ofMillis(300));
        assertThrows(DecisionLogUnavailableException.class, () -> durable.record(c.request(), c.decision(), c.ruleSet(), io.tradecheck.model.Origin.CURRENT_CALLER));
        release.countDown();                        // the database answers after the 503: the commit goes through
        String retried = durable.record(c.request(), c.decision(), c.ruleSet(), io.tradecheck.model.Origin.CURRENT_CALLER).decisionId();
        writer.close(Duration.ofSeconds(10));
        assertEquals(1, count(), "only the retry, which was answered, is in the log");
        assertTrue(store.find(retried).isPresent());
        assertEquals(1, writer.withdrawn());
    }

    @Test
    void aFullDiskFailsTheWritesAndTheLogRecoversWhenSpaceReturnsWithoutARestart() throws Exception {
        // Simulated: a datasource whose connections fail as H2 does when the disk is full (no tmpfs mount here).
        java.util.concurrent.atomic.AtomicBoolean full = new java.util.concurrent.atomic.AtomicBoolean(true);
        javax.sql.DataSource disk = (javax.sql.DataSource) java.lang.reflect.Proxy.newProxyInstance(
                getClass().getClassLoader(), new Class<?>[] {javax.sql.DataSource.class}, (proxy, method, args) -> {
                    if (method.getName().equals("getConnection") && full.get()) {
                        throw new SQLException("IO Exception: \"No space left on device\"", "90028");
                    }
                    return method.invoke(dataSource, args);
                });
        GroupCommitWriter writer = new GroupCommitWriter(new DecisionStore(disk), 100, 10);
        CompletableFuture<Void> refused = writer.submit(row(1), Duration.ofSeconds(1));
        assertThrows(Exception.class, () -> refused.get(20, TimeUnit.SECONDS));
        assertTrue(writer.failing(), "readiness says DOWN while writes fail");

        full.set(false); // space again
        writer.submit(row(2), Duration.ofSeconds(1)).get(20, TimeUnit.SECONDS);
        assertTrue(!writer.failing(), "UP again after the first good commit");
        assertEquals(1, count());
        writer.close(Duration.ofSeconds(5));
    }
}
