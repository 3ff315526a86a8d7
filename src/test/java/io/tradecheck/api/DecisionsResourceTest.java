package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asAuditor;
import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.tradecheck.decisionlog.DecisionStore;
import io.tradecheck.decisionlog.AnswerDigest;
import io.tradecheck.decisionlog.DecisionRecord;
import io.tradecheck.editing.RuleHistory;
import io.tradecheck.editing.RuleVersion;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackCompiler;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.engine.RuleSet;
import io.tradecheck.engine.ShipmentChecker;
import io.tradecheck.model.CheckRequest;
import io.tradecheck.model.Decision;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The decision log and rule history, written and queried through the API (on H2 here; on PostgreSQL in the subclass). */
@QuarkusTest
class DecisionsResourceTest {
    static final String UUID_V7 = "[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}";

    @Inject
    DecisionStore store;

    @Inject
    RuleHistory history;

    @Inject
    ShipmentChecker checker;

    @Inject
    ObjectMapper json;

    /** Posts a check under a fresh reference and returns its decision id. */
    static String check(String payload, String reference) {
        String body = Payloads.read(payload).replaceFirst("\"reference\": \"[^\"]*\"", "\"reference\": \"" + reference + "\"");
        return asChecker().contentType(ContentType.JSON).body(body)
                .when().post("/api/v1/checks")
                .then().statusCode(200).body("decisionId", matchesPattern(UUID_V7))
                .extract().path("decisionId");
    }

    static String fresh(String prefix) {
        return prefix + "-" + UUID.randomUUID();
    }

    @Test
    void everyCheckIsLoggedWithRequestResponseRuleSetAndCaller() {
        String reference = fresh("LOG");
        String id = check("checks/china-geneva-2025-06-01.json", reference);
        String digest = asChecker().get("/api/v1/rules").then().extract().path("digest");

        asAuditor().when().get("/api/v1/decisions/" + id)
                .then().statusCode(200)
                .body("id", equalTo(id))
                .body("caller", equalTo("test-checker"))
                .body("reference", equalTo(reference))
                .body("decision", equalTo("DUTIABLE"))
                .body("ruleSet.digest", equalTo(digest))
                .body("ruleSet.version", notNullValue())
                .body("decidedAt", notNullValue())
                .body("request.hsCode", equalTo("9506.62.40.40"))
                .body("request.entryDate", equalTo("2025-06-01"))
                .body("response.decisionId", equalTo(id))
                .body("response.findings.ruleId", hasItem("US-RECIPROCAL-CN-GENEVA-PAUSE"));
    }

    @Test
    void everyBatchLineIsLoggedWithItsJobLineAndCaller() throws Exception {
        String ndjson = java.nio.file.Files.readString(Path.of("src/test/resources/batch/orders.ndjson"));
        io.restassured.response.Response batch = asChecker().contentType("application/x-ndjson").accept("application/json")
                .body(ndjson.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/batches");
        batch.then().statusCode(200);
        String job = batch.header("X-Batch-Id");
        int decided = batch.<Integer>path("lines") - batch.<Integer>path("errors");

        asAuditor().queryParam("batchJob", job).queryParam("limit", 1000).when().get("/api/v1/decisions")
                .then().statusCode(200)
                .body("total", equalTo(decided))
                .body("items.caller", everyItem(equalTo("test-checker")))
                .body("items.batchJob", everyItem(equalTo(job)))
                .body("items.batchLine", everyItem(notNullValue()));
    }

    @Test
    void theLogIsSearchedByReferenceDecisionTimeAndRuleVersion() {
        String reference = fresh("SEARCH");
        Instant before = Instant.now().minusSeconds(1);
        String dutiable = check("checks/china-geneva-2025-06-01.json", reference);
        String licence = check("checks/eda-software-2025-06-10.json", reference);
        String version = asChecker().get("/api/v1/rules").then().extract().path("version");

        asAuditor().queryParam("reference", reference).when().get("/api/v1/decisions")
                .then().statusCode(200)
                .body("total", equalTo(2))
                .body("items.id", equalTo(List.of(licence, dutiable)));
        asAuditor().queryParam("reference", reference).queryParam("decision", "license_required")
                .when().get("/api/v1/decisions")
                .then().statusCode(200).body("total", equalTo(1)).body("items[0].id", equalTo(licence));
        asAuditor().queryParam("reference", reference).queryParam("from", before.toString())
                .queryParam("to", Instant.now().plusSeconds(60).toString()).queryParam("ruleSetVersion", version)
                .when().get("/api/v1/decisions")
                .then().statusCode(200).body("total", equalTo(2));
        asAuditor().queryParam("reference", reference).queryParam("to", before.toString())
                .when().get("/api/v1/decisions")
                .then().statusCode(200).body("total", equalTo(0)).body("items", hasSize(0));
        asAuditor().queryParam("from", LocalDate.now().minusDays(1).toString()).queryParam("limit", 1)
                .when().get("/api/v1/decisions")
                .then().statusCode(200).body("items", hasSize(1)).body("total", greaterThanOrEqualTo(2));
    }

    @Test
    void badSearchParametersAreProblems() {
        asAuditor().queryParam("decision", "MAYBE").when().get("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("decision"));
        asAuditor().queryParam("from", "yesterday").when().get("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json").body("detail", containsString("from"));
        asAuditor().queryParam("limit", 0).when().get("/api/v1/decisions")
                .then().statusCode(400).contentType("application/problem+json");
        asAuditor().queryParam("format", "xml").when().get("/api/v1/decisions/export")
                .then().statusCode(400).contentType("application/problem+json");
        asAuditor().when().get("/api/v1/decisions/no-such-id")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theLogExportsAsCsvSafeForSpreadsheetsAndAsNdjson() {
        String reference = "=SUM(1,2)-" + UUID.randomUUID();
        String id = check("checks/china-geneva-2025-06-01.json", reference);

        String csv = asAuditor().queryParam("reference", reference).queryParam("format", "csv")
                .when().get("/api/v1/decisions/export")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        String[] lines = csv.split("\r?\n");
        assertEquals(2, lines.length, csv);
        assertTrue(lines[0].startsWith("decisionId,decidedAt,caller,reference,decision,"), lines[0]);
        // Jackson CSV quotes a cell with punctuation (as the batch results always were): the id, the formula.
        assertTrue(lines[1].startsWith("\"" + id + "\","), lines[1]);
        // The formula is kept as text: a leading apostrophe, so a spreadsheet shows it and never runs it.
        assertTrue(lines[1].contains(",\"'=SUM(1,2)-"), lines[1]);
        assertTrue(lines[1].contains("US-RECIPROCAL-CN-GENEVA-PAUSE"), lines[1]);

        String ndjson = asAuditor().queryParam("reference", reference).queryParam("format", "ndjson")
                .when().get("/api/v1/decisions/export")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().asString();
        List<String> records = ndjson.lines().toList();
        assertEquals(1, records.size(), ndjson);
        assertTrue(records.get(0).contains("\"id\":\"" + id + "\""));
        assertTrue(records.get(0).contains("\"request\":{"));
        assertTrue(records.get(0).contains("\"response\":{"));
    }

    @Test
    void aLimitedExportSaysWhenItWasCutAndAnUnlimitedOneStreamsEverything() {
        String reference = fresh("EXPORT-CUT");
        for (int i = 0; i < 3; i++) {
            check("checks/china-geneva-2025-06-01.json", reference);
        }
        asAuditor().queryParam("reference", reference).queryParam("format", "ndjson").queryParam("limit", 2)
                .when().get("/api/v1/decisions/export")
                .then().statusCode(200).header("X-Export-Truncated", "true").header("X-Total-Count", "3")
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.emptyString()));
        asAuditor().queryParam("reference", reference).queryParam("format", "ndjson").queryParam("limit", 3)
                .when().get("/api/v1/decisions/export")
                .then().statusCode(200).header("X-Export-Truncated", "false").header("X-Total-Count", "3");
        String all = asAuditor().queryParam("reference", reference).queryParam("format", "ndjson")
                .when().get("/api/v1/decisions/export")
                .then().statusCode(200).header("X-Export-Truncated", nullValue()).extract().asString();
        assertEquals(3, all.lines().count(), all);
    }

    @Test
    void aDecisionOnTheActiveRulesReplaysIdentically() {
        String id = check("checks/china-125-2025-04-15.json", fresh("REPLAY"));
        asAuditor().when().get("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(200)
                .body("decisionId", equalTo(id))
                .body("reproduced", equalTo(true))
                .body("withRecordedRules.decisionId", nullValue())
                .body("changes", hasSize(0));
    }

    @Test
    void aDecisionMadeOnAnEarlierRuleVersionReplaysOnItAndShowsWhatChanged() throws Exception {
        // An earlier version of the pack in which the March 2025 fentanyl tariff on China was 25%, not 20%.
        RulePackSource current = RulePackSource.fromDirectory(Path.of("rules"));
        List<RuleFile> files = current.files().stream().map(f -> !f.path().equals("us-import/ieepa-fentanyl-china.csv") ? f
                : RulePackSource.file(f.path(), new String(f.content(), StandardCharsets.UTF_8)
                        .replace(",20,9903.01.24,2025-03-04,", ",25,9903.01.24,2025-03-04,").getBytes(StandardCharsets.UTF_8)))
                .toList();
        RulePackSource earlier = RulePackSource.of("test", files);
        RuleSet earlierRules = new RulePackCompiler().compile(earlier);
        RuleVersion version = history.record(earlier, earlierRules.info().version(), "test-editor",
                "fentanyl rate as first announced", RuleVersion.How.DRAFT, null, Instant.now(), null);

        String reference = fresh("EARLIER");
        CheckRequest request = json.readValue(Payloads.read("checks/china-geneva-2025-06-01.json")
                .replace("ARTICLE-GENEVA", reference), CheckRequest.class);
        UUID uuid = new UUID((System.currentTimeMillis() << 16) | 0x7000L, UUID.randomUUID().getLeastSignificantBits());
        String id = uuid.toString();
        Decision then = checker.evaluate(request, earlierRules, LocalDate.parse("2025-06-01")).withDecisionId(id);
        Decision now = checker.evaluate(request, checker.rules().current(), LocalDate.parse("2025-06-01"));
        String rateThen = then.additionalDutyRate().stripTrailingZeros().toPlainString();
        String rateNow = now.additionalDutyRate().stripTrailingZeros().toPlainString();
        assertEquals(0, then.additionalDutyRate().subtract(now.additionalDutyRate()).compareTo(java.math.BigDecimal.valueOf(5)));
        // Logged as the service logs it: the request and the digest of the answer; the answer is rebuilt from the
        // rule history by replay on the earlier rule set.
        store.insert(List.of(new DecisionRecord(uuid, "test-checker", reference, then.decision().name(),
                earlierRules.info().version(), earlier.digest(), null, null, then.evaluationDate(), then.additionalDutyRate(),
                then.additionalDuty(), null, AnswerDigest.of(json.writeValueAsString(then.withDecisionId(null))),
                json.writeValueAsString(request), json.writeValueAsString(then.withDecisionId(null)))));
        asAuditor().when().get("/api/v1/decisions/" + id)
                .then().statusCode(200)
                .body("response.decisionId", equalTo(id))
                .body("response.findings.ruleId", hasItem("US-IEEPA-FENTANYL-CN"))
                .body("response.rebuilt", nullValue());

        asAuditor().when().get("/api/v1/decisions/" + id + "/replay")
                .then().statusCode(200)
                .body("recordedRuleSetDigest", equalTo(earlier.digest()))
                .body("activeRuleSetDigest", equalTo(current.digest()))
                .body("reproduced", equalTo(true))
                .body("withActiveRules.decisionId", nullValue())
                .body("changes.what", hasItem("additionalDutyRate"))
                .body("changes.find { it.what == 'additionalDutyRate' }.before", equalTo(rateThen))
                .body("changes.find { it.what == 'additionalDutyRate' }.after", equalTo(rateNow))
                .body("changes.find { it.what == 'finding US-IEEPA-FENTANYL-CN' }.before", startsWith("TARIFF 25%"))
                .body("changes.find { it.what == 'finding US-IEEPA-FENTANYL-CN' }.after", startsWith("TARIFF 20%"));

        asAuditor().when().get("/api/v1/rules/versions")
                .then().statusCode(200)
                .body("[0].number", equalTo(version.number()))
                .body("[0].digest", equalTo(earlier.digest()))
                .body("[0].by", equalTo("test-editor"))
                .body("[0].comment", equalTo("fentanyl rate as first announced"))
                .body("how", hasItem("START_UP"));
        asAuditor().when().get("/api/v1/rules/versions/" + version.number() + "/files")
                .then().statusCode(200)
                .body("path", hasItem("us-import/ieepa-fentanyl-china.csv"))
                .body("sha256", everyItem(not(equalTo(""))));
        // The old route family redirects to the one above.
        asAuditor().redirects().follow(false).when().get("/api/v1/rule-history")
                .then().statusCode(308).header("Location", endsWith("/api/v1/rules/versions"));
        asAuditor().redirects().follow(false).when().get("/api/v1/rule-history/" + earlier.digest())
                .then().statusCode(308).header("Location", endsWith("/api/v1/rules/versions/" + version.number() + "/files"));
    }
}
