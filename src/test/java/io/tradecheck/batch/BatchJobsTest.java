package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BatchJobsTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-02T10:00:00Z"), ZoneOffset.UTC);

    @Test
    void aJobCutOffByAStopIsMarkedLostOnRestartAndSaysSo(@TempDir Path data) throws IOException {
        String id = "0b6a3f0e-6d1e-4c8e-9a57-3c1d2f4e5a6b";
        Path dir = Files.createDirectories(data.resolve("batch-jobs").resolve(id));
        Files.writeString(dir.resolve("job.json"), "{\"id\":\"" + id + "\",\"state\":\"RUNNING\",\"format\":\"CSV\","
                + "\"linesDone\":5120,\"linesTotal\":100000,\"submittedAt\":\"2026-03-02T09:59:00Z\","
                + "\"startedAt\":\"2026-03-02T09:59:01Z\"}");
        Files.writeString(dir.resolve("input.csv"), "reference,originCountry\n");
        Files.writeString(dir.resolve("results.ndjson"), "{\"line\":2}\n");

        try (BatchJobs jobs = new BatchJobs(data, TestRules.validator(), CLOCK)) {
            assertEquals(1, jobs.recover());
            BatchJob lost = jobs.status(id).orElseThrow();
            assertEquals(JobState.LOST, lost.state());
            assertEquals(BatchJobs.LOST_MESSAGE, lost.message());
            assertEquals(5120, lost.linesDone(), "how far it got stays visible");
            assertEquals(CLOCK.instant(), lost.finishedAt());
            assertFalse(Files.exists(dir.resolve("results.ndjson")), "partial results are not served as results");
            assertFalse(Files.exists(dir.resolve("input.csv")));
            assertEquals(0, jobs.recover(), "a LOST job stays LOST");
        }
    }

    @Test
    void aStoppedJobIsInterruptedWithWhatItWroteAndResumesToEveryLineExactlyOnce(@TempDir Path data) throws Exception {
        int lines = 20_000;
        Path upload = data.resolve("upload.part");
        List<String> orders = Files.readAllLines(TestRules.DATA.resolve("orders.csv"));
        List<String> file = new ArrayList<>(List.of(orders.get(0)));
        for (int i = 0; i < lines; i++) {
            file.add(orders.get(1 + i % (orders.size() - 1)).replaceFirst("^[^,]*", "R" + i));
        }
        Files.write(upload, file);
        String id;
        try (BatchJobs jobs = new BatchJobs(data, TestRules.validator(), CLOCK)) {
            id = jobs.submit(upload, OrderFormat.CSV, null).id();
            for (int i = 0; i < 600 && jobs.status(id).orElseThrow().linesDone() == 0; i++) {
                Thread.sleep(10);
            }
            jobs.stop(Duration.ofSeconds(30));
            BatchJob interrupted = jobs.status(id).orElseThrow();
            assertEquals(JobState.INTERRUPTED, interrupted.state(), interrupted.message());
            assertTrue(interrupted.linesDone() > 0 && interrupted.linesDone() < lines, "done: " + interrupted.linesDone());
            assertEquals(interrupted.linesDone(), Files.readAllLines(jobs.results(id)).size(),
                    "every line counted as done is written, and no other");
            assertTrue(interrupted.message().contains(interrupted.linesDone() + " lines"), interrupted.message());
        }
        try (BatchJobs jobs = new BatchJobs(data, TestRules.validator(), CLOCK)) {
            assertEquals(0, jobs.recover(), "an interrupted job is resumed, not lost");
            for (int i = 0; i < 1200 && !jobs.status(id).orElseThrow().state().finished(); i++) {
                Thread.sleep(50);
            }
            BatchJob done = jobs.status(id).orElseThrow();
            assertEquals(JobState.DONE, done.state(), String.valueOf(done.message()));
            List<String> results = Files.readAllLines(jobs.results(id));
            assertEquals(lines, results.size());
            for (int i = 0; i < lines; i++) {
                assertTrue(results.get(i).startsWith("{\"line\":" + (i + 2) + ",\"reference\":\"R" + i + "\""),
                        results.get(i));
            }
            BatchSummary summary = jobs.summary(id).orElseThrow();
            assertEquals(lines, summary.lines());
            assertEquals(lines / 11 * 2 + Math.max(0, lines % 11 - 9), summary.errors(), "the summary counts both runs");
        }
    }

    @Test
    void aJobRunsToDoneWithResultsAndSummaryOnDisk(@TempDir Path data) throws Exception {
        Path upload = Files.copy(TestRules.DATA.resolve("orders.csv"), data.resolve("upload.part"));
        try (BatchJobs jobs = new BatchJobs(data, TestRules.validator(), CLOCK)) {
            BatchJob job = jobs.submit(upload, OrderFormat.CSV, null);
            assertEquals(11L, job.linesTotal());
            for (int i = 0; i < 200 && !jobs.status(job.id()).orElseThrow().state().finished(); i++) {
                Thread.sleep(50);
            }
            BatchJob done = jobs.status(job.id()).orElseThrow();
            assertEquals(JobState.DONE, done.state(), String.valueOf(done.message()));
            assertEquals(11, done.linesDone());
            assertEquals(11, Files.readAllLines(jobs.results(job.id())).size());
            assertEquals(2, jobs.summary(job.id()).orElseThrow().errors());
            // Results are order data: readable by the service's account only (before: 0644).
            Path dir = jobs.results(job.id()).getParent();
            assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir)));
            for (String file : new String[] {"results.ndjson", "summary.json", "job.json"}) {
                assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(file))), file);
            }
            assertTrue(jobs.delete(job.id()));
            assertTrue(jobs.status(job.id()).isEmpty());
        }
    }
}
