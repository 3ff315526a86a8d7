package io.tradecheck.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A stop loses nothing: the packaged service gets SIGTERM in the middle of an async batch job. The job must not be DONE
 * with lines it did not check; after a restart on the same folders it completes, every line decided exactly once, in
 * the results and in the decision log.
 */
class SigtermDrainIT {
    static final int LINES = 30_000;
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void aJobStoppedBySigtermIsInterruptedAndAfterTheRestartEveryLineIsCheckedExactlyOnce() throws Exception {
        Path workspace = PackagedService.workspace(dir);
        Path orders = dir.resolve("orders.csv");
        List<String> sample = Files.readAllLines(Path.of("src/test/resources/batch/orders.csv"));
        List<String> file = new ArrayList<>(List.of(sample.get(0)));
        for (int i = 0; i < LINES; i++) {
            file.add(sample.get(1 + i % (sample.size() - 1)).replaceFirst("^[^,]*", "S" + i));
        }
        Files.write(orders, file);

        String id;
        JsonNode stopped;
        String firstLog;
        try (PackagedService first = PackagedService.start(workspace, "first")) {
            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(first.url("/api/v1/batch-jobs")))
                    .header("X-API-Key", PackagedService.CHECKER_KEY).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(orders)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, submitted.statusCode(), submitted.body());
            id = JSON.readTree(submitted.body()).path("id").asText();
            JsonNode running = await(first, id, j -> j.path("linesDone").asLong() > 0, Duration.ofSeconds(120));
            assertEquals("RUNNING", running.path("state").asText(), running.toString());

            first.stop();
            firstLog = first.log();
            assertTrue(!first.log().contains("shutting down"), "nothing refused for the stop:\n" + first.log());
        }
        // The job folder as the stop left it is what the restart works from.
        stopped = JSON.readTree(workspace.resolve("data/batch-jobs").resolve(id).resolve("job.json").toFile());
        try (PackagedService second = PackagedService.start(workspace, "second")) {
            JsonNode done = await(second, id, j -> j.path("state").asText().matches("DONE|FAILED|LOST"),
                    Duration.ofSeconds(300));
            System.out.printf("SIGTERM at %d of %d lines: job %s, then %s after the restart%n",
                    stopped.path("linesDone").asLong(), LINES, stopped.path("state").asText(), done.path("state").asText());
            assertEquals("INTERRUPTED", stopped.path("state").asText(), "not DONE with lines it did not check: " + stopped);
            assertTrue(stopped.path("linesDone").asLong() < LINES, stopped.toString());
            assertEquals("DONE", done.path("state").asText(), done.toString());

            HttpResponse<String> results = http.send(HttpRequest.newBuilder(URI.create(second.url(
                            "/api/v1/batch-jobs/" + id + "/results"))).header("X-API-Key", PackagedService.CHECKER_KEY)
                    .header("Accept", "application/x-ndjson").build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, results.statusCode());
            List<String> lines = results.body().lines().toList();
            assertEquals(LINES, lines.size());
            long shutDownErrors = 0;
            for (int i = 0; i < LINES; i++) {
                JsonNode line = JSON.readTree(lines.get(i));
                assertEquals(i + 2, line.path("line").asInt(), "every line once, in file order");
                assertEquals("S" + i, line.path("reference").asText());
                if (line.path("reason").asText().contains("shutting down")) {
                    shutDownErrors++;
                }
            }
            assertEquals(0, shutDownErrors, "no line is an ERROR because the service was stopping");
            JsonNode summary = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(second.url(
                            "/api/v1/batch-jobs/" + id + "/summary"))).header("X-API-Key", PackagedService.CHECKER_KEY)
                    .build(), HttpResponse.BodyHandlers.ofString()).body());
            assertEquals(LINES, summary.path("lines").asLong());
            long badLines = LINES / 11 * 2 + Math.max(0, LINES % 11 - 9);
            assertEquals(badLines, summary.path("errors").asLong(), "only the lines that are wrong in the file are errors");

            String export = http.send(HttpRequest.newBuilder(URI.create(second.url(
                            "/api/v1/decisions/export?format=ndjson&batchJob=" + id)))
                    .header("X-API-Key", PackagedService.AUDITOR_KEY).build(), HttpResponse.BodyHandlers.ofString()).body();
            java.util.Map<Integer, Long> perLine = new java.util.TreeMap<>();
            for (String record : export.lines().toList()) {
                perLine.merge(JSON.readTree(record).path("batchLine").asInt(), 1L, Long::sum);
            }
            List<Integer> twice = perLine.entrySet().stream().filter(e -> e.getValue() > 1).map(java.util.Map.Entry::getKey)
                    .toList();
            assertEquals(List.of(), twice.subList(0, Math.min(20, twice.size())),
                    twice.size() + " lines logged more than once; first run: " + stopped + "\n" + firstLog);
            assertEquals(LINES - badLines, perLine.size(), "every decided line logged");
        }
    }

    private JsonNode await(PackagedService service, String id, java.util.function.Predicate<JsonNode> until,
                           Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job = null;
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/batch-jobs/" + id)))
                    .header("X-API-Key", PackagedService.CHECKER_KEY).build(), HttpResponse.BodyHandlers.ofString());
            job = JSON.readTree(r.body());
            if (until.test(job)) {
                return job;
            }
            Thread.sleep(20);
        }
        throw new AssertionError("job never got there: " + job + "\n" + service.log());
    }
}
