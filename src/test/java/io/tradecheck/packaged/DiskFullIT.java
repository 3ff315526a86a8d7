package io.tradecheck.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 17, item 5, on a real full disk: the data folder (decision log, batch jobs) of the packaged service on a small
 * tmpfs, filled to the last byte. Checks answer 503 (never a decision that is not in the log), readiness says DOWN, an
 * async job does not stay RUNNING for ever; once space returns the service recovers by itself, without a restart:
 * checks answer 200 again, readiness UP, and a new job runs to DONE. Needs root for {@code mount -t tmpfs} (as
 * {@code .ci/run} runs); skipped, saying so, elsewhere.
 */
class DiskFullIT {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private Path mount;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void unmount() throws Exception {
        if (mount != null) {
            new ProcessBuilder("umount", "-l", mount.toString()).inheritIO().start().waitFor(20, TimeUnit.SECONDS);
        }
    }

    @Test
    void aFullDiskIs503AndDownAndTheServiceRecoversWhenSpaceReturns() throws Exception {
        Path workspace = PackagedService.workspace(dir);
        mount = dir.resolve("small-disk");
        Files.createDirectories(mount);
        Process mounting = new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=96m", "tmpfs", mount.toString())
                .redirectErrorStream(true).start();
        boolean mounted = mounting.waitFor(20, TimeUnit.SECONDS) && mounting.exitValue() == 0;
        if (!mounted) {
            mount = null;
        }
        Assumptions.assumeTrue(mounted, "DiskFullIT needs root to mount a tmpfs (.ci/run runs as root)");
        Path data = mount.resolve("data");
        Files.createDirectories(data);

        Path orders = dir.resolve("orders.csv");
        List<String> sample = Files.readAllLines(Path.of("src/test/resources/batch/orders.csv"));
        List<String> lines = new ArrayList<>(List.of(sample.get(0)));
        for (int i = 0; i < 5000; i++) {
            lines.add(sample.get(1 + i % (sample.size() - 1)).replaceFirst("^[^,]*", "D" + i));
        }
        Files.write(orders, lines);

        try (PackagedService service = PackagedService.start(workspace, "disk-full",
                "tradecheck.data.dir=" + data.toAbsolutePath(),
                // A small free-space floor so that the tmpfs, not the floor, is what fills up.
                "tradecheck.decision-log.min-free-disk=1M",
                "tradecheck.decision-log.max-wait=3s")) {
            assertEquals(200, check(service, "BEFORE-FULL").statusCode());

            Path filler = mount.resolve("filler");
            fill(filler);

            // The log's file may still have free pages inside: keep checking until the disk refuses a write.
            int refused = 0;
            for (int i = 0; i < 3000 && refused == 0; i++) {
                HttpResponse<String> r = check(service, "FULL-" + i);
                assertTrue(r.statusCode() == 200 || r.statusCode() == 503, r.statusCode() + " " + r.body());
                if (r.statusCode() == 503) {
                    refused++;
                    assertTrue(r.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"),
                            r.headers().toString());
                }
            }
            assertTrue(refused > 0, "a full disk must refuse checks it cannot log\n" + service.log());
            HttpResponse<String> ready = get(service, "/q/health/ready");
            assertEquals(503, ready.statusCode(), "readiness is DOWN on a full disk: " + ready.body());

            HttpResponse<String> submitted = http.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/batch-jobs")))
                    .header("X-API-Key", PackagedService.CHECKER_KEY).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(orders)).build(), HttpResponse.BodyHandlers.ofString());
            if (submitted.statusCode() == 202) {
                String id = JSON.readTree(submitted.body()).path("id").asText();
                JsonNode job = awaitJob(service, id, Duration.ofSeconds(90));
                assertTrue(!"RUNNING".equals(job.path("state").asText()) && !"QUEUED".equals(job.path("state").asText()),
                        "a job on a full disk ends (FAILED or INTERRUPTED), it does not run for ever: " + job);
            } else {
                // Refusing the upload at the door (no room to spool it) is as good, if it says why.
                assertTrue(submitted.statusCode() == 507 || submitted.statusCode() == 503,
                        submitted.statusCode() + " " + submitted.body());
            }

            Files.delete(filler);
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            HttpResponse<String> after = check(service, "AFTER-FULL");
            while (after.statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(500);
                after = check(service, "AFTER-FULL");
            }
            assertEquals(200, after.statusCode(), "checks recover once space returns, without a restart: "
                    + after.body() + "\n" + service.log());
            String decisionId = JSON.readTree(after.body()).path("decisionId").asText();
            assertEquals(200, http.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/decisions/" + decisionId)))
                    .header("X-API-Key", PackagedService.AUDITOR_KEY).GET().build(),
                    HttpResponse.BodyHandlers.ofString()).statusCode(), "the decision after recovery is in the log");
            deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (get(service, "/q/health/ready").statusCode() != 200 && System.nanoTime() < deadline) {
                Thread.sleep(500);
            }
            assertEquals(200, get(service, "/q/health/ready").statusCode(), "readiness UP again");

            HttpResponse<String> again = http.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/batch-jobs")))
                    .header("X-API-Key", PackagedService.CHECKER_KEY).header("Content-Type", "text/csv")
                    .POST(HttpRequest.BodyPublishers.ofFile(orders)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(202, again.statusCode(), again.body());
            JsonNode done = awaitJob(service, JSON.readTree(again.body()).path("id").asText(), Duration.ofSeconds(120));
            assertEquals("DONE", done.path("state").asText(), "a job after the recovery runs to the end: " + done);
        }
    }

    /** Writes until the file system says it is full. */
    private static void fill(Path filler) throws IOException {
        byte[] block = new byte[1 << 20];
        try (OutputStream out = Files.newOutputStream(filler)) {
            while (true) {
                out.write(block);
            }
        } catch (IOException full) {
            // No space left on device: that is the point.
        }
        byte[] small = new byte[4096];
        try (OutputStream out = Files.newOutputStream(filler, java.nio.file.StandardOpenOption.APPEND)) {
            while (true) {
                out.write(small);
                out.flush();
            }
        } catch (IOException full) {
            // the last pages too
        }
    }

    private HttpResponse<String> check(PackagedService service, String reference) throws Exception {
        String body = "{\"reference\":\"" + reference + "\",\"originCountry\":\"CN\",\"destinationCountry\":\"US\","
                + "\"hsCode\":\"9506.62.40.40\",\"customsValue\":10000,\"currency\":\"USD\",\"entryDate\":\"2025-06-01\"}";
        return http.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/checks")))
                .header("X-API-Key", PackagedService.CHECKER_KEY).header("Content-Type", "application/json")
                .timeout(Duration.ofSeconds(30))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(PackagedService service, String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(service.url(path))).timeout(Duration.ofSeconds(30)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private JsonNode awaitJob(PackagedService service, String id, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        JsonNode job;
        do {
            Thread.sleep(500);
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(service.url("/api/v1/batch-jobs/" + id)))
                    .header("X-API-Key", PackagedService.CHECKER_KEY).GET().build(), HttpResponse.BodyHandlers.ofString());
            job = JSON.readTree(r.body());
            String state = job.path("state").asText();
            if (!state.equals("RUNNING") && !state.equals("QUEUED")) {
                return job;
            }
        } while (System.nanoTime() < deadline);
        return job;
    }
}
