package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asAuditor;
import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.asEditor;
import static io.tradecheck.security.TestUsers.asNobody;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tradecheck.editing.PackFixture;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * {@code /q/openapi} is a contract: every route is called for real (successes and the errors it answers), and every
 * response is checked against the document with a JSON Schema validator ({@link OpenApiResponses}): status, media type,
 * headers, body. Routes are taken from the document, so a new route is probed too (unauthenticated, without the role,
 * and with a name that does not exist), and the test lists any route it never saw answer with a success.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class OpenApiContractTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyRouteAnswersAsTheDocumentSays() throws IOException {
        JsonNode document = JSON.readTree(RestAssured.get("/q/openapi?format=json").then().statusCode(200)
                .extract().asString());
        assertDocumentIsFitForGenerators(document);
        OpenApiResponses contract = new OpenApiResponses(document);
        // The checker itself catches a wrong body: a rate that is text, a finding that is not an object.
        JsonNode decision = JSON.readTree("{\"$ref\": \"#/components/schemas/Decision\"}");
        assertEquals(2, contract.problems(decision, JSON.readTree(
                "{\"additionalDutyRate\": \"12%\", \"findings\": [1], \"additionalDuty\": null}")).size());
        RestAssured.filters(contract);
        try {
            exerciseEveryRoute();
            probeEveryRoute(contract);
        } finally {
            RestAssured.replaceFiltersWith(List.of());
        }
        List<String> withoutSuccess = new ArrayList<>();
        for (String op : contract.operations()) {
            if (contract.exercised().stream().noneMatch(e -> e.startsWith(op + " 2"))) {
                withoutSuccess.add(op);
            }
        }
        System.out.printf("OpenAPI contract: %d responses of %d operations checked, %d mismatches%n",
                contract.checked(), contract.operations().size(), contract.mismatches().size());
        assertEquals(List.of(), contract.mismatches(), "responses that do not match /q/openapi");
        assertEquals(List.of(), withoutSuccess, "routes never called with success here: add a call to exerciseEveryRoute");
    }

    /**
     * The Java clients the build generates and tests ({@code ClientSmokeTest}) are made from the committed copy of the
     * document; it must be the one the service serves. After an API change, refresh it with
     * {@code ./mvnw -q test -Dtest=OpenApiContractTest -Dopenapi.update=true} and commit it.
     */
    @Test
    void theCommittedDocumentTheClientsAreGeneratedFromIsTheLiveOne() throws IOException {
        JsonNode live = JSON.readTree(RestAssured.get("/q/openapi?format=json").then().statusCode(200).extract().asString());
        if (Boolean.getBoolean("openapi.update")) {
            Files.createDirectories(COMMITTED.getParent());
            JSON.writerWithDefaultPrettyPrinter().writeValue(COMMITTED.toFile(), live);
        }
        assertTrue(Files.exists(COMMITTED), COMMITTED + " is missing: run with -Dopenapi.update=true");
        assertEquals(live, JSON.readTree(COMMITTED.toFile()), COMMITTED + " differs from /q/openapi: refresh it with "
                + "-Dopenapi.update=true and commit it, so the generated clients follow the API");
    }

    static final Path COMMITTED = Path.of("src/main/openapi/openapi.json");

    private static void assertDocumentIsFitForGenerators(JsonNode document) {
        Set<String> ids = new HashSet<>();
        List<String> problems = new ArrayList<>();
        document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
            String id = op.getValue().path("operationId").asText(null);
            if (id == null) {
                problems.add(op.getKey() + " " + path.getKey() + " has no operationId");
            } else if (!ids.add(id)) {
                problems.add("operationId " + id + " is used twice");
            }
            op.getValue().path("requestBody").path("content").fields().forEachRemaining(body -> {
                if (!body.getKey().contains("json") && !"binary".equals(body.getValue().path("schema").path("format").asText())) {
                    problems.add(op.getKey() + " " + path.getKey() + " " + body.getKey() + " body is not binary");
                }
            });
        }));
        assertEquals(List.of(), problems);
        JsonNode schemes = document.path("components").path("securitySchemes");
        assertEquals("basic", schemes.path(OpenApiContract.BASIC).path("scheme").asText());
        assertEquals("X-API-Key", schemes.path(OpenApiContract.API_KEY).path("name").asText());
        assertEquals("bearer", schemes.path(OpenApiContract.JWT).path("scheme").asText());
        assertFalse(document.path("components").path("schemas").has("JsonNode"), "no schema named JsonNode");
    }

    /** A user's day: a check, batches both ways, the log, the history, a draft edited, validated and activated. */
    private static void exerciseEveryRoute() {
        String decisionId = asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/china-125-2025-04-15.json"))
                .post("/api/v1/checks").then().statusCode(200).extract().path("decisionId");
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/eu-car-without-mfn.json"))
                .post("/api/v1/checks").then().statusCode(200);
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/many-bad-fields.json"))
                .post("/api/v1/checks").then().statusCode(400);
        String orders = Payloads.read("batch/orders.csv");
        asChecker().contentType("text/csv").accept("text/csv").body(orders).post("/api/v1/batches").then().statusCode(200);
        asChecker().contentType("text/csv").accept(ContentType.JSON).body(orders).post("/api/v1/batches").then().statusCode(200);
        asChecker().contentType("text/csv").body("not,an\norder,file\n").post("/api/v1/batches").then().statusCode(400);

        String job = asChecker().contentType("text/csv").body(orders).post("/api/v1/batch-jobs")
                .then().statusCode(202).extract().path("id");
        for (int i = 0; i < 300 && !"DONE".equals(asChecker().get("/api/v1/batch-jobs/" + job).path("state")); i++) {
            sleep();
        }
        asChecker().get("/api/v1/batch-jobs").then().statusCode(200);
        asChecker().accept("text/csv").get("/api/v1/batch-jobs/" + job + "/results").then().statusCode(200);
        asChecker().get("/api/v1/batch-jobs/" + job + "/summary").then().statusCode(200);
        asChecker().delete("/api/v1/batch-jobs/" + job).then().statusCode(204);

        asAuditor().queryParam("limit", 5).get("/api/v1/decisions").then().statusCode(200);
        asAuditor().get("/api/v1/decisions/" + decisionId).then().statusCode(200);
        asAuditor().get("/api/v1/decisions/" + decisionId + "/replay").then().statusCode(200);
        asAuditor().queryParam("limit", 1).get("/api/v1/decisions/export").then().statusCode(200);
        asAuditor().queryParam("format", "xml").get("/api/v1/decisions/export").then().statusCode(400);
        String digest = asAuditor().get("/api/v1/rule-history").then().statusCode(200).extract().path("[0].digest");
        asAuditor().get("/api/v1/rule-history/" + digest).then().statusCode(200);

        int inForce = asEditor().get("/api/v1/rules").then().statusCode(200).extract().path("activation.number");
        asEditor().get("/api/v1/rules/versions").then().statusCode(200);
        asEditor().get("/api/v1/rules/versions/" + inForce).then().statusCode(200);
        asEditor().get("/api/v1/rules/versions/" + inForce + "/pack").then().statusCode(200);
        asEditor().get("/api/v1/rules/versions/" + inForce + "/files").then().statusCode(200);
        asChecker().queryParam("date", "2025-06-01").get("/api/v1/hts/6109.10.00").then().statusCode(200);
        asChecker().queryParam("date", "2025-06-01").get("/api/v1/hts/0000.00.00").then().statusCode(404);
        asChecker().queryParam("q", "6109").queryParam("date", "2025-06-01").get("/api/v1/hts").then().statusCode(200);

        String draft = asEditor().contentType("application/zip").post("/api/v1/rules/drafts").then().statusCode(201).extract().path("id");
        asEditor().get("/api/v1/rules/drafts").then().statusCode(200);
        asEditor().get("/api/v1/rules/drafts/" + draft).then().statusCode(200);
        asEditor().get("/api/v1/rules/drafts/" + draft + "/pack").then().statusCode(200);
        asEditor().contentType(ContentType.JSON).body("{}").post("/api/v1/rules/drafts/" + draft + "/activation")
                .then().statusCode(409);
        byte[] reciprocal = asEditor().get("/api/v1/rules/drafts/" + draft + "/files/" + PackFixture.RECIPROCAL)
                .then().statusCode(200).extract().asByteArray();
        byte[] scenario = asEditor().get("/api/v1/rules/drafts/" + draft + "/files/" + PackFixture.SCENARIO)
                .then().statusCode(200).extract().asByteArray();
        asEditor().contentType("application/octet-stream").body(PackFixture.reciprocalWithJapanRate(reciprocal, 26))
                .put("/api/v1/rules/drafts/" + draft + "/files/" + PackFixture.RECIPROCAL).then().statusCode(200);
        asEditor().post("/api/v1/rules/drafts/" + draft + "/validation").then().statusCode(200);
        asEditor().contentType("text/csv").body(Payloads.read("editing/impact-orders.csv"))
                .post("/api/v1/rules/drafts/" + draft + "/impact").then().statusCode(200);
        asEditor().contentType(ContentType.JSON).body("{}").post("/api/v1/rules/drafts/" + draft + "/activation")
                .then().statusCode(422);
        asEditor().contentType("application/octet-stream").body(PackFixture.scenarioWithJapanRate(scenario, 26))
                .put("/api/v1/rules/drafts/" + draft + "/files/" + PackFixture.SCENARIO).then().statusCode(200);
        asEditor().contentType("application/octet-stream").body("x".getBytes())
                .put("/api/v1/rules/drafts/" + draft + "/files/notes.txt");
        asEditor().contentType("application/octet-stream").body("# notes".getBytes())
                .put("/api/v1/rules/drafts/" + draft + "/files/scenarios/notes.yaml");
        asEditor().delete("/api/v1/rules/drafts/" + draft + "/files/scenarios/notes.yaml").then().statusCode(200);
        asEditor().contentType(ContentType.JSON).body("{\"comment\":\"contract test\"}")
                .post("/api/v1/rules/drafts/" + draft + "/activation").then().statusCode(200);
        asEditor().contentType(ContentType.JSON).body("{}").post("/api/v1/rules/versions/" + inForce + "/rollback")
                .then().statusCode(200);
        String spare = asEditor().contentType("application/zip").post("/api/v1/rules/drafts").then().statusCode(201).extract().path("id");
        asEditor().delete("/api/v1/rules/drafts/" + spare).then().statusCode(204);
    }

    /** Every operation of the document, without credentials, without the role, and on a name that does not exist. */
    private static void probeEveryRoute(OpenApiResponses contract) {
        for (String op : contract.operations()) {
            String method = op.substring(0, op.indexOf(' '));
            String path = op.substring(op.indexOf(' ') + 1).replace("{number}", "999999")
                    .replace("{path}", "no/such/file.csv").replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            RestAssured.given().request(method, path);
            asNobody().request(method, path);
            if (path.contains("00000000") || path.contains("999999")) {
                (op.contains("/rules") ? asEditor() : op.contains("/decisions") || op.contains("rule-history")
                        ? asAuditor() : asChecker()).contentType(ContentType.JSON).body("{}").request(method, path);
            }
        }
    }

    private static void sleep() {
        try {
            Thread.sleep(50);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
