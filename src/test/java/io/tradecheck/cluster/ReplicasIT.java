package io.tradecheck.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.editing.PackFixture;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Three replicas of the packaged service on loopback ports, sharing one PostgreSQL (the server {@code .ci/run} starts,
 * in a schema of their own): (a) a rate change activated on one replica while all three are under load reaches every
 * replica within 5 s, with no failed request and no answer carrying the old digest once a replica switched; (b) the
 * replica running an async batch job is killed with SIGKILL mid-job, and another finishes the job with every line
 * exactly once in the results and in the decision log. Skipped, saying so, without PostgreSQL.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicasIT {
    static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    static final String CHECKER_KEY = "tc_test-checker-key";
    static final String AUDITOR_KEY = "tc_test-auditor-key";
    static final String EDITOR = "Basic " + Base64.getEncoder().encodeToString("test-editor:editor-secret".getBytes(StandardCharsets.UTF_8));
    static final Duration SWITCH_BOUND = Duration.ofSeconds(5);
    /** Durable decision log: each line waits for its commit, so a few hundred lines a second on this machine. */
    static final int JOB_LINES = 12_000;
    /**
     * Pause of each client thread between checks (default 20 ms: six threads, a few hundred checks a second in all).
     * The replicas share two cores here; {@code -Dreplicas.load.pause=0} saturates them (BENCHMARKS.md, "Replicas").
     */
    static final long LOAD_PAUSE_MILLIS = Long.getLong("replicas.load.pause", 20);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<Replica> replicas = new ArrayList<>();
    private String pgUrl;
    private String schema;
    private Path work;

    record Replica(String name, int port, Process process, Path log) {
        String url(String path) {
            return "http://127.0.0.1:" + port + path;
        }
    }

    /** One answer seen under load: when its request left and its answer came, which rule set decided it. */
    record Answer(int replica, long sentNanos, long receivedNanos, int status, String digest, BigDecimal rate, String error) {
    }

    @BeforeAll
    void startThreeReplicas() throws Exception {
        String url = System.getenv("TRADECHECK_TEST_PG_URL");
        Assumptions.assumeTrue(url != null && !url.isBlank(),
                "no PostgreSQL (TRADECHECK_TEST_PG_URL): .ci/run starts one (bash .ci/postgres.sh)");
        assertTrue(Files.exists(JAR), "package the application first");
        work = Files.createTempDirectory("tradecheck-replicas");
        // A schema of their own: the replicas start on an empty rule history, whatever the other tests recorded.
        schema = "replicas_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection c = database(url); Statement s = c.createStatement()) {
            s.execute("CREATE SCHEMA " + schema);
        }
        pgUrl = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        // The first replica seeds the rule history from its folder; the other two take the version from the database.
        replicas.add(start(1));
        ExecutorService starting = Executors.newFixedThreadPool(2);
        try {
            Future<Replica> second = starting.submit(() -> start(2));
            Future<Replica> third = starting.submit(() -> start(3));
            replicas.add(second.get(240, TimeUnit.SECONDS));
            replicas.add(third.get(240, TimeUnit.SECONDS));
        } finally {
            starting.shutdownNow();
        }
    }

    @AfterAll
    void stopReplicas() throws Exception {
        for (Replica r : replicas) {
            r.process().destroy();
        }
        for (Replica r : replicas) {
            if (!r.process().waitFor(40, TimeUnit.SECONDS)) {
                r.process().destroyForcibly();
            }
        }
        if (schema != null) {
            try (Connection c = database(System.getenv("TRADECHECK_TEST_PG_URL")); Statement s = c.createStatement()) {
                s.execute("DROP SCHEMA " + schema + " CASCADE");
            }
        }
        // The replicas' rules and data go; their logs stay (a few KB each), named in a failure's message.
        for (Replica r : replicas) {
            for (String folder : List.of("rules", "data")) {
                Path dir = r.log().resolveSibling(folder);
                if (Files.isDirectory(dir)) {
                    try (var files = Files.walk(dir)) {
                        for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                            Files.deleteIfExists(p);
                        }
                    }
                }
            }
        }
    }

    @Test
    @Order(1)
    void aRateChangeActivatedOnOneReplicaIsInForceOnAllWithinFiveSeconds() throws Exception {
        String body = Files.readString(Path.of("src/test/resources/editing/japan-ball-2025-04-09.json"));
        Answer before = check(0, body);
        assertEquals(200, before.status(), before.error());
        assertEquals(0, new BigDecimal("24").compareTo(before.rate()), "the bundled Japan rate of 9 April 2025");
        for (int i = 1; i < 3; i++) {
            assertEquals(before.digest(), check(i, body).digest(), "all replicas start on the same version");
        }

        ConcurrentLinkedQueue<Answer> answers = new ConcurrentLinkedQueue<>();
        AtomicBoolean stop = new AtomicBoolean();
        ExecutorService clients = Executors.newFixedThreadPool(6);
        for (int t = 0; t < 6; t++) {
            int replica = t % 3;
            clients.submit(() -> {
                while (!stop.get()) {
                    answers.add(check(replica, body));
                    if (LOAD_PAUSE_MILLIS > 0) {
                        Thread.sleep(LOAD_PAUSE_MILLIS);
                    }
                }
                return null;
            });
        }
        Thread.sleep(1500); // load before the activation

        String draft = JSON.readTree(send(0, HttpRequest.newBuilder(URI.create(replicas.get(0).url("/api/v1/rules/drafts?overlay=true")))
                .header("Authorization", EDITOR).header("Content-Type", "application/zip")
                .POST(HttpRequest.BodyPublishers.ofByteArray(japanRateOverlay(27))), 201)).get("id").asText();
        long activating = System.nanoTime();
        JsonNode version = JSON.readTree(send(0, HttpRequest.newBuilder(URI.create(replicas.get(0).url(
                        "/api/v1/rules/drafts/" + draft + "/activation")))
                .header("Authorization", EDITOR).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"comment\": \"Japan Annex I rate of 9 April 2025: 27\"}")), 200));
        long activated = System.nanoTime();
        String newDigest = version.get("digest").asText();
        assertNotEquals(before.digest(), newDigest);

        // Every replica answers on the new version within the bound (the answers of the load show when).
        long deadline = activated + SWITCH_BOUND.toNanos() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < deadline && !allSwitched(answers, newDigest)) {
            Thread.sleep(50);
        }
        Thread.sleep(1000); // load after the switch
        stop.set(true);
        clients.shutdown();
        assertTrue(clients.awaitTermination(60, TimeUnit.SECONDS));

        List<String> failures = new ArrayList<>();
        Map<String, BigDecimal> rateOf = Map.of(before.digest(), new BigDecimal("24"), newDigest, new BigDecimal("27"));
        long[] firstNew = {Long.MAX_VALUE, Long.MAX_VALUE, Long.MAX_VALUE};
        for (Answer a : answers) {
            if (a.status() != 200) {
                failures.add("replica " + (a.replica() + 1) + ": " + a.status() + " " + a.error());
            } else if (!rateOf.containsKey(a.digest())) {
                failures.add("replica " + (a.replica() + 1) + ": unknown digest " + a.digest());
            } else if (rateOf.get(a.digest()).compareTo(a.rate()) != 0) {
                failures.add("replica " + (a.replica() + 1) + ": digest " + a.digest() + " but the rate of the other version, " + a.rate());
            } else if (a.digest().equals(newDigest)) {
                firstNew[a.replica()] = Math.min(firstNew[a.replica()], a.receivedNanos());
            }
        }
        for (Answer a : answers) {
            if (a.status() == 200 && a.digest().equals(before.digest()) && a.sentNanos() > firstNew[a.replica()]) {
                failures.add("replica " + (a.replica() + 1) + ": the old digest in an answer to a request sent after it switched");
            }
        }
        StringBuilder figures = new StringBuilder();
        for (int i = 0; i < 3; i++) {
            figures.append(firstNew[i] == Long.MAX_VALUE ? String.format(" replica %d never;", i + 1)
                    : String.format(" replica %d %d ms;", i + 1, Math.max(0, (firstNew[i] - activated) / 1_000_000)));
        }
        System.out.printf("Rule switch-over under load (pause %d ms): activation answered in %d ms; first answer on the new "
                + "version after that:%s %d answers, %d failed%n", LOAD_PAUSE_MILLIS, (activated - activating) / 1_000_000,
                figures, answers.size(), failures.size());
        assertEquals(List.of(), failures.stream().limit(20).toList(), failures.size() + " failure(s) among " + answers.size() + " answers");
        for (int i = 0; i < 3; i++) {
            assertTrue(firstNew[i] != Long.MAX_VALUE, "replica " + (i + 1) + " never answered on the new version");
            long millis = Math.max(0, (firstNew[i] - activated) / 1_000_000);
            assertTrue(millis <= SWITCH_BOUND.toMillis(), "replica " + (i + 1) + " switched after " + millis + " ms");
            // And the replica says so: the version in force is the one activated on replica 1.
            JsonNode rules = JSON.readTree(send(i, HttpRequest.newBuilder(URI.create(replicas.get(i).url("/api/v1/rules")))
                    .header("Authorization", EDITOR).GET(), 200));
            assertEquals(newDigest, rules.path("digest").asText(), "replica " + (i + 1) + " reports " + rules);
        }
    }

    @Test
    @Order(2)
    void aJobWhoseReplicaIsKilledMidJobIsFinishedByAnotherWithEveryLineOnce() throws Exception {
        StringBuilder csv = new StringBuilder("reference,originCountry,destinationCountry,hsCode,customsValue,currency,entryDate\n");
        for (int i = 1; i <= JOB_LINES; i++) {
            csv.append("PO-").append(i).append(i % 2 == 0 ? ",CN,US,9506.62.40.40," : ",JP,US,9506.62.40.40,")
                    .append(1000 + i % 97).append(",USD,2025-06-01\n");
        }
        Replica runner = replicas.get(1);
        JsonNode job = JSON.readTree(send(1, HttpRequest.newBuilder(URI.create(runner.url("/api/v1/batch-jobs")))
                .header("X-API-Key", CHECKER_KEY).header("Content-Type", "text/csv")
                .POST(HttpRequest.BodyPublishers.ofString(csv.toString())), 202));
        String id = job.get("id").asText();

        // Killed once it is well under way, but far from done.
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        JsonNode status = job;
        while (System.nanoTime() < deadline) {
            status = JSON.readTree(send(1, HttpRequest.newBuilder(URI.create(runner.url("/api/v1/batch-jobs/" + id)))
                    .header("X-API-Key", CHECKER_KEY).GET(), 200));
            if (status.get("linesDone").asLong() >= 1024) {
                break;
            }
            Thread.sleep(20);
        }
        runner.process().destroyForcibly(); // SIGKILL: no drain, no INTERRUPTED, the lease just stops being renewed
        runner.process().waitFor(10, TimeUnit.SECONDS);
        long killed = System.nanoTime();
        long doneAtKill = status.get("linesDone").asLong();
        assertTrue(doneAtKill >= 1024 && doneAtKill < JOB_LINES, "the kill must land mid-job; lines done: " + doneAtKill);

        // Any replica reports the job; one of the two left finishes it.
        deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            status = JSON.readTree(send(0, HttpRequest.newBuilder(URI.create(replicas.get(0).url("/api/v1/batch-jobs/" + id)))
                    .header("X-API-Key", CHECKER_KEY).GET(), 200));
            if (status.get("state").asText().equals("DONE") || status.get("state").asText().equals("FAILED")) {
                break;
            }
            Thread.sleep(200);
        }
        assertEquals("DONE", status.get("state").asText(), status.toString());
        long finished = System.nanoTime();
        assertEquals(JOB_LINES, status.get("linesDone").asLong());

        // The results, downloaded from the third replica: every line once, in file order.
        String results = send(2, HttpRequest.newBuilder(URI.create(replicas.get(2).url("/api/v1/batch-jobs/" + id + "/results")))
                .header("X-API-Key", CHECKER_KEY).header("Accept", "application/x-ndjson").GET(), 200);
        List<String> lines = results.lines().toList();
        assertEquals(JOB_LINES, lines.size());
        Set<Long> seen = new HashSet<>();
        long expected = 2; // line 1 is the header
        for (String line : lines) {
            JsonNode r = JSON.readTree(line);
            assertEquals(expected++, r.get("line").asLong(), "results in file order, none missing or repeated");
            assertTrue(seen.add(r.get("line").asLong()));
            assertNotEquals("ERROR", r.get("decision").asText(), line);
        }
        JsonNode summary = JSON.readTree(send(0, HttpRequest.newBuilder(URI.create(replicas.get(0).url("/api/v1/batch-jobs/" + id + "/summary")))
                .header("X-API-Key", CHECKER_KEY).GET(), 200));
        assertEquals(JOB_LINES, summary.get("lines").asLong(), summary.toString());

        // The decision log: every line of the job exactly once, though the killed replica had logged lines past its last
        // committed chunk.
        try (Connection c = database(pgUrl); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(DISTINCT "
                + "e.batch_line), MIN(e.batch_line), MAX(e.batch_line) FROM decision_entry e JOIN decision_batch b ON b.id = e.batch "
                + "WHERE b.job = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(JOB_LINES, rs.getLong(1), "decisions logged for the job");
                assertEquals(JOB_LINES, rs.getLong(2), "distinct lines logged for the job");
                assertEquals(2, rs.getLong(3));
                assertEquals(JOB_LINES + 1, rs.getLong(4));
            }
        }
        try (Connection c = database(pgUrl); PreparedStatement ps = c.prepareStatement("SELECT attempt, node FROM batch_job WHERE id = ?")) {
            ps.setString(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertEquals(2, rs.getInt(1), "claimed once, by another replica");
                assertNotEquals("replica-2", rs.getString(2));
            }
        }
        System.out.printf("Batch takeover: %d lines, killed after %d, finished by another replica %d ms after the kill%n",
                JOB_LINES, doneAtKill, (finished - killed) / 1_000_000);
    }

    private boolean allSwitched(ConcurrentLinkedQueue<Answer> answers, String digest) {
        boolean[] seen = new boolean[3];
        for (Answer a : answers) {
            if (digest.equals(a.digest())) {
                seen[a.replica()] = true;
            }
        }
        return seen[0] && seen[1] && seen[2];
    }

    private Answer check(int replica, String body) {
        long sent = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(replicas.get(replica).url("/api/v1/checks")))
                    .header("Content-Type", "application/json").header("X-API-Key", CHECKER_KEY)
                    .timeout(Duration.ofSeconds(20)).POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                    HttpResponse.BodyHandlers.ofString());
            long received = System.nanoTime();
            if (r.statusCode() != 200) {
                return new Answer(replica, sent, received, r.statusCode(), null, null, r.body());
            }
            JsonNode d = JSON.readTree(r.body());
            return new Answer(replica, sent, received, 200, d.path("ruleSet").path("digest").asText(),
                    d.get("additionalDutyRate").decimalValue(), null);
        } catch (IOException | InterruptedException | RuntimeException e) {
            // A refused connection, a timeout, or an answer without its rule set or rate: all count as failures.
            return new Answer(replica, sent, System.nanoTime(), -1, null, null, e.toString());
        }
    }

    private String send(int replica, HttpRequest.Builder request, int expected) throws Exception {
        HttpResponse<String> r = http.send(request.timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, r.statusCode(), "replica " + (replica + 1) + ": " + r.body());
        return r.body();
    }

    /** A zip of the two files a specialist changes to set Japan's 9 April 2025 rate (laid over the live pack). */
    private static byte[] japanRateOverlay(int rate) throws IOException {
        Path rules = PackFixture.BUNDLED;
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(PackFixture.RECIPROCAL));
            zip.write(PackFixture.reciprocalWithJapanRate(Files.readAllBytes(rules.resolve(PackFixture.RECIPROCAL)), rate));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry(PackFixture.SCENARIO));
            zip.write(PackFixture.scenarioWithJapanRate(Files.readAllBytes(rules.resolve(PackFixture.SCENARIO)), rate));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    private Replica start(int n) throws Exception {
        Path dir = Files.createDirectories(work.resolve("replica-" + n));
        PackFixture.copyBundled(dir.resolve("rules"));
        Path log = dir.resolve("service.log");
        int port = freePort();
        ProcessBuilder builder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx" + System.getProperty("replicas.xmx", "512m"),
                "-Dquarkus.profile=pg",
                "-Dquarkus.http.port=" + port,
                "-Dtradecheck.data.dir=" + dir.resolve("data").toAbsolutePath(),
                "-Dtradecheck.rules.dir=" + dir.resolve("rules").toAbsolutePath(),
                "-Dtradecheck.security.users-file=" + Path.of("src/test/resources/security/users.properties").toAbsolutePath(),
                "-Dtradecheck.security.generate-users=false",
                "-Dtradecheck.decision-log.mode=durable",
                "-Dtradecheck.cluster.enabled=true",
                "-Dtradecheck.cluster.node=replica-" + n,
                "-Dtradecheck.cluster.batch-lease=3s",
                "-jar", JAR.toAbsolutePath().toString())
                .redirectErrorStream(true).redirectOutput(log.toFile());
        builder.environment().put("TRADECHECK_PG_URL", pgUrl);
        builder.environment().put("TRADECHECK_PG_USER", System.getenv("TRADECHECK_TEST_PG_USER"));
        builder.environment().put("TRADECHECK_PG_PASSWORD", System.getenv("TRADECHECK_TEST_PG_PASSWORD"));
        Process p = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(240).toNanos();
        while (System.nanoTime() < deadline) {
            if (!p.isAlive()) {
                throw new IllegalStateException("replica " + n + " died at start (" + log + "):\n" + Files.readString(log));
            }
            try {
                HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build(), HttpResponse.BodyHandlers.discarding());
                if (r.statusCode() == 200) {
                    return new Replica("replica-" + n, port, p, log);
                }
            } catch (IOException e) {
                // not listening yet
            }
            Thread.sleep(200);
        }
        p.destroyForcibly();
        throw new IllegalStateException("replica " + n + " did not start within 240 s:\n" + Files.readString(log));
    }

    private static Connection database(String url) throws Exception {
        return DriverManager.getConnection(url, System.getenv("TRADECHECK_TEST_PG_USER"), System.getenv("TRADECHECK_TEST_PG_PASSWORD"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
