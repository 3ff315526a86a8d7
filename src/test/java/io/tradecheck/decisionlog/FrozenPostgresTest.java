package io.tradecheck.decisionlog;

import static io.restassured.RestAssured.given;
import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfEnvironmentVariable;

/**
 * Issue 17 item 2: PostgreSQL hangs (every server process stopped with SIGSTOP, as a frozen VM or a stalled disk
 * would). Readiness answers DOWN within seconds instead of hanging; a durable check is answered 503 and is not left in
 * the log once the database comes back; its retry is logged once. Runs against the server .ci/run starts, as root
 * (the test stops and resumes that server's processes); always resumes them.
 */
@QuarkusTest
@TestProfile(PostgresProfile.class)
@EnabledIfEnvironmentVariable(named = PostgresProfile.URL_VARIABLE, matches = ".+")
class FrozenPostgresTest {
    @Inject
    DecisionStore store;

    private List<Long> serverProcesses() throws Exception {
        long backend;
        try (Connection c = store.dataSource().getConnection(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            backend = rs.getLong(1);
        }
        // The server this test's connection is served by: the parent of its backend process.
        long postmaster = ProcessHandle.of(backend).flatMap(ProcessHandle::parent).orElseThrow().pid();
        List<Long> pids = new ArrayList<>();
        pids.add(postmaster);
        ProcessHandle.of(postmaster).orElseThrow().descendants().forEach(p -> pids.add(p.pid()));
        return pids;
    }

    private static void signal(String signal, List<Long> pids) throws Exception {
        List<String> command = new ArrayList<>(List.of("kill", "-" + signal));
        pids.forEach(p -> command.add(String.valueOf(p)));
        assertEquals(0, new ProcessBuilder(command).inheritIO().start().waitFor());
    }

    private long logged(String reference) throws Exception {
        return store.count(new DecisionQuery(null, null, reference, null, null, null, 10, 0));
    }

    @Test
    void aFrozenDatabaseMakesReadinessDownAndLeavesNoPhantomDecision() throws Exception {
        String reference = "FROZEN-" + System.nanoTime();
        String body = Files.readString(Path.of("src/test/resources/checks/china-geneva-2025-06-01.json"))
                .replace("ARTICLE-GENEVA", reference);
        given().when().get("/q/health/ready").then().statusCode(200);
        List<Long> pids = serverProcesses();
        signal("STOP", pids);
        try {
            long started = System.nanoTime();
            given().when().get("/q/health/ready").then().statusCode(503)
                    .body("checks.find { it.name == 'decision-log' }.status", equalTo("DOWN"));
            long healthMillis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
            assertTrue(healthMillis < 8_000, "readiness answered in " + healthMillis + " ms");

            // Durable: no commit within max-wait (10 s), so no answer: 503.
            asChecker().contentType("application/json").body(body).when().post("/api/v1/checks").then().statusCode(503);
        } finally {
            signal("CONT", pids);
        }
        // The database answers again: whatever was committed for the 503 is withdrawn; nothing stays as a decision.
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline && store.dataSource() != null) {
            if (logged(reference) == 0 && given().when().get("/q/health/ready").statusCode() == 200) {
                break;
            }
            Thread.sleep(500);
        }
        Thread.sleep(2_000); // a late commit of the abandoned group would show now
        assertEquals(0, logged(reference), "a decision answered 503 is not in the log");
        asChecker().contentType("application/json").body(body).when().post("/api/v1/checks").then().statusCode(200);
        assertEquals(1, logged(reference), "the retry is logged once");
        given().when().get("/q/health/ready").then().statusCode(200);
    }
}
