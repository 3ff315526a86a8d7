package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * Two replicas' views of the shared job store, on PostgreSQL (the server {@code .ci/run} starts; skipped without it):
 * a lease keeps a job from being claimed until it runs out, a claim fences the old holder off, and the new holder finds
 * the order file, the committed lines, and the decisions logged past them.
 */
@EnabledIfEnvironmentVariable(named = "TRADECHECK_TEST_PG_URL", matches = ".+")
class SharedJobStoreTest {
    @TempDir
    Path tmp;

    @Test
    void aJobIsClaimedOnlyOnceItsLeaseRanOutAndTheOldHolderCanWriteNothingMore() throws Exception {
        String schema = "jobstore_" + System.nanoTime();
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setURL(System.getenv("TRADECHECK_TEST_PG_URL"));
        ds.setUser(System.getenv("TRADECHECK_TEST_PG_USER"));
        ds.setPassword(System.getenv("TRADECHECK_TEST_PG_PASSWORD"));
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        ds.setCurrentSchema(schema);
        try {
            Flyway.configure().dataSource(ds).schemas(schema).load().migrate();
            SharedJobStore a = new SharedJobStore(ds, "a", Duration.ofMillis(500));
            SharedJobStore b = new SharedJobStore(ds, "b", Duration.ofMillis(500));
            String id = UUID.randomUUID().toString();
            byte[] file = new byte[SharedJobStore.INPUT_PART * 2 + 12345];
            new Random(7).nextBytes(file);
            Path input = Files.write(tmp.resolve("input.csv"), file);
            BatchJob job = new BatchJob(id, JobState.QUEUED, OrderFormat.CSV, null, 0, 4L,
                    Instant.now().truncatedTo(ChronoUnit.MILLIS), null, null, null, "ann");
            a.insert(job, input, "ann");

            assertEquals(Optional.empty(), b.claimExpired(), "the lease of a is running");
            assertEquals(1, a.heartbeat(Map.of(id, 1)));
            a.append(id, 1, 1, List.of(line(2), line(3)));
            assertEquals(2, b.status(id).orElseThrow().linesDone(), "any replica sees the committed count");

            Thread.sleep(800); // a stops renewing: it died
            SharedJobStore.Claim claim = b.claimExpired().orElseThrow();
            assertEquals(2, claim.attempt());
            assertEquals("ann", claim.caller());
            assertEquals(2, claim.job().linesDone());
            assertEquals(Optional.empty(), a.claimExpired(), "claimed once");

            assertThrows(SharedJobStore.LeaseLost.class, () -> a.append(id, 1, 3, List.of(line(4))));
            assertEquals(false, a.save(job.withState(JobState.FAILED, Instant.now(), "late"), 1, null));
            assertEquals(0, a.heartbeat(Map.of(id, 1)));
            assertEquals(JobState.QUEUED, b.status(id).orElseThrow().state(), "the old holder's late write did not land");

            Path copy = tmp.resolve("copy.csv");
            b.copyInput(id, copy);
            assertArrayEquals(file, Files.readAllBytes(copy));
            Path results = tmp.resolve("results.ndjson");
            assertEquals(3, b.copyLines(id, results));
            assertEquals(2, Files.readAllLines(results).size());
            assertTrue(Files.readAllLines(results).get(1).startsWith("{\"line\":3,"));

            // The dead replica had logged lines 4 and 5 too: they are taken out, to be checked and logged again.
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("INSERT INTO decision_batch (id, job) VALUES (1, '" + id + "')");
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO decision_entry (id, caller, outcome, rule_set, "
                        + "batch, batch_line, request_json) VALUES (?, 'ann', 'CLEAR', 1, 1, ?, '{}')")) {
                    for (int l = 2; l <= 5; l++) {
                        ps.setObject(1, UUID.randomUUID());
                        ps.setInt(2, l);
                        ps.executeUpdate();
                    }
                }
            }
            assertEquals(2, b.forgetDecisionsAfter(id, 3));
            assertEquals(0, b.forgetDecisionsAfter(id, 3));

            b.append(id, 2, 3, List.of(line(4), line(5)));
            assertEquals(4, b.status(id).orElseThrow().linesDone());
            assertThrows(RuntimeException.class, () -> b.append(id, 2, 3, List.of(line(4))), "a line is never stored twice");
            b.delete(id);
            assertEquals(Optional.empty(), b.status(id));
        } finally {
            ds.setCurrentSchema(null);
            try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
    }

    private static LineResult line(long n) {
        return new LineResult(n, "PO-" + n, "CLEAR", null, null, null, List.of(), null, "none");
    }
}
