package io.tradecheck.decisionlog;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.postgresql.ds.PGSimpleDataSource;

/** COPY on PostgreSQL: every value comes back as written, and one refused row does not take its group with it. */
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
class PostgresDecisionStoreTest {

    @Test
    void copyWritesEveryValueAsGivenAndFallsBackRowByRow() throws Exception {
        String schema = "copytest_" + System.nanoTime();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getenv(PostgresProfile.URL_VARIABLE));
        ds.setUser(System.getenv("TRADECHECK_TEST_PG_USER"));
        ds.setPassword(System.getenv("TRADECHECK_TEST_PG_PASSWORD"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        ds.setCurrentSchema(schema);
        try {
            GroupCommitWriterTest.migrate(ds);
            PostgresDecisionStore store = new PostgresDecisionStore(ds, digest -> false);
            DecisionRecord r = GroupCommitWriterTest.row(1);
            DecisionRecord odd = new DecisionRecord(r.id(), "tab\there\\back", "PO\n1\0", "DUTIABLE", "v1", "sha256:x", "job-\t1", 7,
                    LocalDate.parse("2025-06-01"), new BigDecimal("37.5000"), new BigDecimal("3750.00"), "A B",
                    new byte[] {0, 1, (byte) 0xff, 0x5c}, "{\"d\":\"x\\ty\\u0000\"}", "{\"answer\":\"a\\nb\"}");
            GroupCommitWriter writer = new GroupCommitWriter(store, 1000, 500, Duration.ofMillis(200));
            List<CompletableFuture<Void>> good = new ArrayList<>();
            good.add(writer.submit(odd, Duration.ofSeconds(5)));
            for (int i = 0; i < 20; i++) {
                good.add(writer.submit(GroupCommitWriterTest.row(10 + i), Duration.ofSeconds(5)));
            }
            DecisionRecord b = GroupCommitWriterTest.row(99);
            DecisionRecord bad = new DecisionRecord(b.id(), b.caller(), b.reference(), "X".repeat(40), "v1", "sha256:x", null,
                    null, null, null, null, null, b.answerSha256(), b.requestJson(), b.answerJson());
            CompletableFuture<Void> refused = writer.submit(bad, Duration.ofSeconds(5));
            CompletableFuture.allOf(good.toArray(CompletableFuture[]::new)).get(30, TimeUnit.SECONDS);
            assertThrows(Exception.class, () -> refused.get(30, TimeUnit.SECONDS));
            writer.close(Duration.ofSeconds(10));

            assertEquals(21, store.count(new DecisionQuery(null, null, null, null, null, null, 100, 0)));
            DecisionRecord back = store.find(odd.id().toString()).orElseThrow();
            assertEquals(odd.caller(), back.caller());
            assertEquals("PO\n1\uFFFD", back.reference());
            assertEquals("job-\t1", back.batchJob());
            assertEquals(7, back.batchLine());
            assertEquals(0, new BigDecimal("3750.00").compareTo(back.duty()));
            assertArrayEquals(odd.answerSha256(), back.answerSha256());
            assertEquals(odd.requestJson(), back.requestJson());
            assertEquals(odd.answerJson(), back.answerJson());
            assertEquals("A B", back.ruleIds());
        } finally {
            ds.setCurrentSchema(null);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }
}
