package io.tradecheck.metrics;

import static io.restassured.RestAssured.given;
import static io.tradecheck.security.TestUsers.asChecker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The Prometheus scrape moves with the work done: checks by decision, batch lines, commits, the rules in force. */
@QuarkusTest
class ServiceMetricsTest {

    private static String scrape() {
        return given().when().get("/q/metrics").then().statusCode(200).extract().asString();
    }

    /** The sum of every sample of a series whose line starts with {@code prefix} (0 if there is none yet). */
    private static double value(String scrape, String prefix) {
        double sum = 0;
        Matcher m = Pattern.compile("(?m)^" + Pattern.quote(prefix) + "[^\\n]* ([0-9.eE+-]+)$").matcher(scrape);
        while (m.find()) {
            sum += Double.parseDouble(m.group(1));
        }
        return sum;
    }

    @Test
    void checksBatchLinesAndCommitsShowInTheScrape() throws Exception {
        String before = scrape();
        String body = java.nio.file.Files.readString(java.nio.file.Path.of("src/test/resources/checks/china-geneva-2025-06-01.json"));
        for (int i = 0; i < 3; i++) {
            asChecker().contentType("application/json").body(body).when().post("/api/v1/checks").then().statusCode(200);
        }
        String ndjson = body.replace("\n", "") + "\n" + body.replace("\n", "") + "\n";
        asChecker().contentType("application/x-ndjson").accept("application/json").body(ndjson.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .when().post("/api/v1/batches").then().statusCode(200);
        String after = scrape();

        assertEquals(5, value(after, "tradecheck_checks_total{decision=\"DUTIABLE\"")
                - value(before, "tradecheck_checks_total{decision=\"DUTIABLE\""), 0.0, "3 checks and 2 batch lines");
        assertEquals(2, value(after, "tradecheck_batch_lines_total") - value(before, "tradecheck_batch_lines_total"), 0.0);
        assertTrue(value(after, "tradecheck_decision_log_commit_seconds_count")
                > value(before, "tradecheck_decision_log_commit_seconds_count"), "commits are timed");
        assertTrue(after.contains("tradecheck_decision_log_commit_seconds_bucket{le="), "commit latency histogram");
        assertTrue(after.contains("tradecheck_decision_log_group_size_count"), "group size");
        assertTrue(after.contains("tradecheck_decision_log_queue_depth "), "queue depth");
        assertTrue(value(after, "tradecheck_decision_log_written_total") >= value(before, "tradecheck_decision_log_written_total") + 5);
        assertTrue(after.contains("http_server_requests_seconds_bucket{"), "HTTP latency histogram");
        assertTrue(Pattern.compile("(?m)^tradecheck_rules_in_force\\{digest=\"sha256:[0-9a-f]+\",version=\"[^\"]+\"} 1\\.0$")
                .matcher(after).find(), "the rule set in force, by version: " + after.lines()
                .filter(l -> l.startsWith("tradecheck_rules")).toList());
        assertTrue(value(after, "tradecheck_rules_compile_seconds_count") >= 1, "the compile of the rules in force");
        assertTrue(value(after, "tradecheck_decision_log_disk_bytes") > 0, "disk use");
    }

    @Test
    void readinessReportsTheDecisionLogAndItsDiskUse() {
        given().when().get("/q/health/ready").then().statusCode(200)
                .body("checks.find { it.name == 'decision-log' }.status", org.hamcrest.Matchers.equalTo("UP"))
                .body("checks.find { it.name == 'decision-log' }.data.logBytes", org.hamcrest.Matchers.greaterThan(0));
    }
}
