package io.tradecheck.decisionlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durable mode keeps its promise under a crash: the packaged service is loaded by concurrent checks and killed with
 * SIGKILL mid-load; after a restart on the same data folder, every decision whose answer reached a client is in the
 * log. Runs against the real jar (failsafe, after package); bounded: a few seconds of load, two starts.
 */
class DurableLogKillIT {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String CHECKER_KEY = "tc_test-checker-key";
    static final String AUDITOR_KEY = "tc_test-auditor-key";
    static final Pattern DECISION_ID = Pattern.compile("\"decisionId\":\"([0-9a-f-]{36})\"");
    static final Duration LOAD = Duration.ofSeconds(5);

    @TempDir
    Path data;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** Null for H2; for PostgreSQL, the server .ci/run started. */
    private String pgUrl;

    @Test
    void noDecisionWhoseAnswerWasSentIsLostToAKill9() throws Exception {
        killedUnderLoadLosesNothing();
    }

    @Test
    void noDecisionWhoseAnswerWasSentIsLostToAKill9OnPostgresql() throws Exception {
        pgUrl = System.getenv("TRADECHECK_TEST_PG_URL");
        org.junit.jupiter.api.Assumptions.assumeTrue(pgUrl != null && !pgUrl.isBlank(),
                "no PostgreSQL (TRADECHECK_TEST_PG_URL): .ci/run starts one");
        killedUnderLoadLosesNothing();
    }

    private void killedUnderLoadLosesNothing() throws Exception {
        assertTrue(Files.exists(JAR), "package the application first");
        int port = freePort();
        String body = Files.readString(Path.of("src/test/resources/checks/china-geneva-2025-06-01.json"));

        Process first = start(port, "first");
        // Warm-up: the first checks compile and JIT the path; the kill should land under steady load.
        for (int i = 0; i < 5; i++) {
            assertEquals(200, http.send(check(port, body), HttpResponse.BodyHandlers.ofString()).statusCode());
        }
        Set<String> answered = ConcurrentHashMap.newKeySet();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        for (int i = 0; i < 8; i++) {
            clients.submit(() -> {
                while (!stop.get()) {
                    try {
                        HttpResponse<String> r = http.send(check(port, body), HttpResponse.BodyHandlers.ofString());
                        Matcher m = DECISION_ID.matcher(r.body());
                        if (r.statusCode() == 200 && m.find()) {
                            answered.add(m.group(1));
                        }
                    } catch (IOException e) {
                        // The kill cuts requests in flight: those answers were never sent, so they carry no promise.
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
        }
        Thread.sleep(LOAD.toMillis());
        first.destroyForcibly(); // SIGKILL: no shutdown hook, no drain
        first.waitFor(10, TimeUnit.SECONDS);
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(30, TimeUnit.SECONDS));
        assertTrue(answered.size() > 20, "too little load before the kill: " + answered.size());

        Process second = start(port, "second");
        try {
            List<String> missing = new ArrayList<>();
            for (String id : answered) {
                HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/api/v1/decisions/" + id)).header("X-API-Key", AUDITOR_KEY).timeout(Duration.ofSeconds(10))
                        .build(), HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() != 200) {
                    missing.add(id + " -> " + r.statusCode());
                }
            }
            System.out.printf("kill -9: %d answered decisions, %d missing after restart%n", answered.size(), missing.size());
            assertEquals(List.of(), missing);
        } finally {
            second.destroy();
            second.waitFor(30, TimeUnit.SECONDS);
        }
    }

    private HttpRequest check(int port, String body) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/checks"))
                .header("Content-Type", "application/json").header("X-API-Key", CHECKER_KEY)
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private Process start(int port, String name) throws Exception {
        Path log = data.resolve(name + ".log");
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dquarkus.profile=" + (pgUrl == null ? "prod" : "pg"),
                "-Dquarkus.http.port=" + port,
                "-Dtradecheck.data.dir=" + data.toAbsolutePath(),
                "-Dtradecheck.security.users-file=" + Path.of("src/test/resources/security/users.properties").toAbsolutePath(),
                "-Dtradecheck.security.generate-users=false",
                "-Dtradecheck.decision-log.mode=durable",
                "-jar", JAR.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        if (pgUrl != null) {
            builder.environment().put("TRADECHECK_PG_URL", pgUrl);
            builder.environment().put("TRADECHECK_PG_USER", System.getenv("TRADECHECK_TEST_PG_USER"));
            builder.environment().put("TRADECHECK_PG_PASSWORD", System.getenv("TRADECHECK_TEST_PG_PASSWORD"));
        }
        Process p = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(180).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("service died at start:\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return p;
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("service did not start within 180 s:\n" + Files.readString(log));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
