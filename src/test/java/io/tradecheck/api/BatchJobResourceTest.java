package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asAuditor;
import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.withKey;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.tradecheck.security.TestUsers;
import java.io.File;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchJobResourceTest {

    @Test
    void aJobRunsInTheBackgroundAndItsResultsAndSummaryDownloadWhenDone() throws InterruptedException {
        Response submitted = asChecker().contentType("text/csv").body(BatchResourceTest.ORDERS_CSV)
                .when().post("/api/v1/batch-jobs")
                .then().statusCode(202).header("Location", notNullValue())
                .body("linesTotal", equalTo(11)).extract().response();
        String id = submitted.path("id");
        String state = "QUEUED";
        for (int i = 0; i < 100 && !state.equals("DONE"); i++) {
            Thread.sleep(100);
            state = asChecker().when().get(submitted.header("Location")).then().statusCode(200).extract().path("state");
        }
        assertEquals("DONE", state);
        asChecker().when().get("/api/v1/batch-jobs/" + id)
                .then().body("linesDone", equalTo(11)).body("linesTotal", equalTo(11)).body("finishedAt", notNullValue());

        List<String> csv = asChecker().accept("text/csv").when().get("/api/v1/batch-jobs/" + id + "/results")
                .then().statusCode(200).extract().asString().lines().toList();
        assertEquals(12, csv.size());
        assertEquals("2,PO-1001,DUTIABLE,152.5,15250.00,USD,\"9903.01.63 9903.01.24 9903.88.15\",,\"Reciprocal tariff on China (125%); "
                + "IEEPA fentanyl tariff on China and Hong Kong (20%); Section 301 List 4A (7.5%); "
                + "China reciprocal rate (34%) suspended by the Geneva arrangement starts on 14 May 2025; "
                + "Reciprocal tariff on China (125%) ends on 13 May 2025 (last day)\""
                // MFN of 9506.62.40 from the schedule (Free), then MFN + additional and the duty
                + ",0,152.5,15250.00", csv.get(1));
        asChecker().accept("application/x-ndjson").when().get("/api/v1/batch-jobs/" + id + "/results")
                .then().statusCode(200).body(containsString("{\"line\":2,\"reference\":\"PO-1001\""));
        asChecker().when().get("/api/v1/batch-jobs/" + id + "/summary")
                .then().statusCode(200).body("lines", equalTo(11)).body("decisions.ERROR", equalTo(2));

        asChecker().when().delete("/api/v1/batch-jobs/" + id).then().statusCode(204);
        asChecker().when().get("/api/v1/batch-jobs/" + id).then().statusCode(404).contentType(Problem.MEDIA_TYPE);
    }

    @Test
    void aCheckerSeesOnlyTheirOwnJobsAndAnAuditorReadsAllButDeletesNone() throws InterruptedException {
        String id = asChecker().contentType("text/csv").body(BatchResourceTest.ORDERS_CSV)
                .when().post("/api/v1/batch-jobs").then().statusCode(202).body("owner", equalTo("test-checker"))
                .extract().path("id");
        awaitDone(id);
        // Another checker (the checker API key is a caller of its own): before, it listed, read and deleted this job.
        var other = (java.util.function.Supplier<io.restassured.specification.RequestSpecification>)
                () -> withKey(TestUsers.CHECKER_KEY);
        other.get().when().get("/api/v1/batch-jobs").then().statusCode(200).body("id", not(hasItem(id)));
        other.get().when().get("/api/v1/batch-jobs/" + id).then().statusCode(404);
        other.get().when().get("/api/v1/batch-jobs/" + id + "/results").then().statusCode(404);
        other.get().when().get("/api/v1/batch-jobs/" + id + "/summary").then().statusCode(404);
        other.get().when().delete("/api/v1/batch-jobs/" + id).then().statusCode(404);

        asAuditor().when().get("/api/v1/batch-jobs").then().statusCode(200).body("id", hasItem(id));
        asAuditor().when().get("/api/v1/batch-jobs/" + id + "/summary").then().statusCode(200);
        asAuditor().when().delete("/api/v1/batch-jobs/" + id).then().statusCode(403);

        asChecker().when().get("/api/v1/batch-jobs").then().statusCode(200).body("id", hasItem(id));
        asChecker().when().delete("/api/v1/batch-jobs/" + id).then().statusCode(204);
    }

    private static void awaitDone(String id) throws InterruptedException {
        String state = "QUEUED";
        for (int i = 0; i < 100 && !state.equals("DONE"); i++) {
            Thread.sleep(100);
            state = asChecker().when().get("/api/v1/batch-jobs/" + id).then().statusCode(200).extract().path("state");
        }
        assertEquals("DONE", state);
    }

    @Test
    void anUnreadableFileIsRefusedAtSubmission() {
        asChecker().contentType("text/csv").body(new File("src/test/resources/batch/no-header.csv"))
                .when().post("/api/v1/batch-jobs")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("No header row"));
    }

    @Test
    void anUnknownJobIsNotFound() {
        asChecker().when().get("/api/v1/batch-jobs/00000000-0000-0000-0000-000000000000/results")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE);
        asChecker().when().get("/api/v1/batch-jobs/not-an-id").then().statusCode(404);
    }
}
