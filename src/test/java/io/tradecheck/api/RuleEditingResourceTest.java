package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.asEditor;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.tradecheck.editing.PackArchive;
import io.tradecheck.editing.PackFixture;
import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import io.tradecheck.pack.BadDrafts;
import io.tradecheck.pack.PackCheck;
import io.tradecheck.pack.PackVerdict;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/** The specialist's loop over HTTP: draft, edit, validate, activate, check, roll back; and edits in the folder. */
@QuarkusTest
@TestProfile(EditingProfile.class)
class RuleEditingResourceTest {
    static final String DRAFTS = "/api/v1/rules/drafts";

    @Test
    void aValidEditBecomesActiveWithoutRestartAndTheNextCheckUsesIt() {
        String id = newDraft();
        putJapanRate(id, 27);
        asEditor().get(DRAFTS + "/" + id).then().statusCode(200)
                .body("changes.modified", equalTo(java.util.List.of(PackFixture.SCENARIO, PackFixture.RECIPROCAL)));
        asEditor().post(DRAFTS + "/" + id + "/validation").then().statusCode(200)
                .body("valid", equalTo(true)).body("errors.size()", equalTo(0)).body("scenarios.failed", equalTo(0));

        JsonPath version = asEditor().contentType(ContentType.JSON).header("X-User", "ann")
                .body(Payloads.read("editing/activate-japan-rate.json"))
                .post(DRAFTS + "/" + id + "/activation")
                .then().statusCode(200).body("by", equalTo("test-editor")).body("how", equalTo("DRAFT"))
                .body("comment", equalTo("Japan Annex I rate for 9 April 2025 corrected"))
                .extract().jsonPath();

        check().then().statusCode(200).body("additionalDutyRate", equalTo(27))
                .body("ruleSet.digest", equalTo(version.getString("digest")));
        asEditor().get("/api/v1/rules").then().statusCode(200)
                .body("status", equalTo("OK"))
                .body("digest", equalTo(version.getString("digest")))
                .body("activation.number", equalTo(version.getInt("number")))
                .body("watching", equalTo(true));
        asEditor().get("/api/v1/rules/versions").then().statusCode(200)
                .body("[0].number", equalTo(version.getInt("number")))
                .body("[0].by", equalTo("test-editor"))
                .body("[0].activatedAt", notNullValue());
        asEditor().get(DRAFTS + "/" + id).then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void anInvalidEditIsRejectedWithFileRowAndColumnAndThePreviousVersionStillAnswers() {
        String digestBefore = asEditor().get("/api/v1/rules").then().extract().path("digest");
        int rateBefore = check().then().extract().path("additionalDutyRate");
        String id = newDraft();
        String fentanyl = "us-import/ieepa-fentanyl-china.csv";
        putFile(id, fentanyl, PackFixture.brokenFentanylTable(draftFile(id, fentanyl)));

        asEditor().post(DRAFTS + "/" + id + "/validation").then().statusCode(200)
                .body("valid", equalTo(false))
                .body("errors.find { it.file == '" + fentanyl + "' }.line", equalTo(2))
                .body("errors.find { it.file == '" + fentanyl + "' }.column", equalTo("to"))
                .body("errors.find { it.file == '" + fentanyl + "' }.message", org.hamcrest.Matchers.containsString("before it starts"));
        asEditor().contentType(ContentType.JSON).body("{}").post(DRAFTS + "/" + id + "/activation")
                .then().statusCode(422).contentType("application/problem+json")
                .body("title", equalTo("Rule pack not valid"))
                .body("problems[0].file", equalTo(fentanyl))
                .body("problems[0].line", equalTo(2))
                .body("problems[0].column", equalTo("to"));

        check().then().statusCode(200).body("additionalDutyRate", equalTo(rateBefore))
                .body("ruleSet.digest", equalTo(digestBefore));
    }

    @Test
    void aBadDraftGetsTheVerdictOfTheOnePackCheck() {
        String id = newDraft();
        byte[] zip = asEditor().get(DRAFTS + "/" + id + "/pack").then().statusCode(200).extract().asByteArray();
        RulePackSource live = RulePackSource.of("draft", PackArchive.read(new ByteArrayInputStream(zip),
                PackArchive.Limits.DEFAULT).values().stream().toList());
        Map<String, RuleFile> bad = BadDrafts.untestedRowAndFailingScenario(live);
        putFile(id, PackFixture.RECIPROCAL, bad.get(PackFixture.RECIPROCAL).content());
        putFile(id, BadDrafts.FENTANYL, bad.get(BadDrafts.FENTANYL).content());

        PackVerdict expected = new PackCheck().check(RulePackSource.of("draft", bad.values().stream().toList())).verdict();
        PackVerdict got = asEditor().post(DRAFTS + "/" + id + "/validation").then().statusCode(200)
                .extract().as(PackVerdict.class);
        assertFalse(got.valid());
        assertEquals(BadDrafts.timeless(expected), BadDrafts.timeless(got));
    }

    @Test
    void aRollbackRestoresTheEarlierDecisions() {
        JsonPath before = asEditor().get("/api/v1/rules").then().extract().jsonPath();
        int rateBefore = check().then().extract().path("additionalDutyRate");
        String id = newDraft();
        putJapanRate(id, 31);
        asEditor().contentType(ContentType.JSON).body(Payloads.read("editing/activate-by-field.json"))
                .post(DRAFTS + "/" + id + "/activation").then().statusCode(200).body("by", equalTo("test-editor"));
        check().then().body("additionalDutyRate", equalTo(31));

        asEditor().contentType(ContentType.JSON).header("X-User", "carol").body(Payloads.read("editing/rollback-wrong-rate.json"))
                .post("/api/v1/rules/versions/" + before.getInt("activation.number") + "/rollback")
                .then().statusCode(200).body("how", equalTo("ROLLBACK"))
                .body("restoredFrom", equalTo(before.getInt("activation.number")))
                .body("digest", equalTo(before.getString("digest")));

        check().then().body("additionalDutyRate", equalTo(rateBefore)).body("ruleSet.digest", equalTo(before.getString("digest")));
        asEditor().contentType(ContentType.JSON).body("{}").post("/api/v1/rules/versions/99999/rollback")
                .then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void theActivePackDownloadsAsAZipAndUploadsBackAsADraft() {
        int number = asEditor().get("/api/v1/rules").then().extract().path("activation.number");
        byte[] zip = asEditor().get("/api/v1/rules/versions/" + number + "/pack").then().statusCode(200)
                .contentType("application/zip").extract().asByteArray();
        asEditor().contentType("application/zip").body(zip).post(DRAFTS).then().statusCode(201)
                .body("digest", equalTo(asEditor().get("/api/v1/rules").then().extract().path("digest")))
                .body("changes.modified.size()", equalTo(0));
        // Only one table in the zip, laid over the active pack.
        byte[] one = zip(PackFixture.RECIPROCAL, "measureId\n");
        asEditor().contentType("application/zip").queryParam("overlay", true).body(one).post(DRAFTS).then().statusCode(201)
                .body("changes.modified", equalTo(java.util.List.of(PackFixture.RECIPROCAL)))
                .body("changes.removed.size()", equalTo(0));
    }

    @Test
    void uploadsOutsideThePackOrOfOtherTypesAreRejected() {
        asEditor().contentType("application/zip").body(zip("../../etc/evil.csv", "x")).post(DRAFTS)
                .then().statusCode(400).contentType("application/problem+json")
                .body("problems[0].file", equalTo("../../etc/evil.csv"))
                .body("problems[0].message", org.hamcrest.Matchers.containsString("inside the rules folder"));
        asEditor().contentType("application/zip").body(zip("logic/run.sh", "rm -rf /")).post(DRAFTS)
                .then().statusCode(400).body("problems[0].file", equalTo("logic/run.sh"));
        asEditor().contentType("application/zip").body("not a zip".getBytes(StandardCharsets.UTF_8)).post(DRAFTS)
                .then().statusCode(400);
        asEditor().contentType("application/zip").body(zip("us-import/big.csv", "x".repeat(2_100_000))).post(DRAFTS)
                .then().statusCode(413).contentType("application/problem+json");
        String id = newDraft();
        asEditor().contentType("text/csv").body("x").put(DRAFTS + "/" + id + "/files/../pack.properties")
                .then().statusCode(org.hamcrest.Matchers.anyOf(equalTo(400), equalTo(404)));
        asEditor().contentType("text/plain").body("x").put(DRAFTS + "/" + id + "/files/us-import/notes.exe")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void anInPlaceEditIsPickedUpAndABrokenOneShowsInStatusWhileTheLastGoodVersionServes() throws Exception {
        Path rules = Path.of(ConfigProvider.getConfig().getValue("tradecheck.rules.dir", String.class));
        String digestBefore = asEditor().get("/api/v1/rules").then().extract().path("digest");

        PackFixture.setJapanRate(rules, 33);
        JsonPath edited = awaitRules(r -> !r.getString("digest").equals(digestBefore));
        assertEquals("FOLDER_EDIT", edited.getString("activation.how"));
        check().then().body("additionalDutyRate", equalTo(33)).body("ruleSet.digest", equalTo(edited.getString("digest")));

        Path fentanyl = rules.resolve("us-import/ieepa-fentanyl-china.csv");
        byte[] good = Files.readAllBytes(fentanyl);
        Files.write(fentanyl, PackFixture.brokenFentanylTable(good));
        JsonPath broken = awaitRules(r -> "ERROR".equals(r.getString("status")));
        assertEquals("us-import/ieepa-fentanyl-china.csv", broken.getString("lastError.problems[0].file"));
        assertEquals(2, broken.getInt("lastError.problems[0].line"));
        assertEquals("to", broken.getString("lastError.problems[0].column"));
        assertEquals(edited.getString("digest"), broken.getString("digest"), "the last good version keeps serving");
        check().then().statusCode(200).body("additionalDutyRate", equalTo(33));

        Files.write(fentanyl, good);
        JsonPath fixed = awaitRules(r -> "OK".equals(r.getString("status")));
        assertEquals(edited.getString("digest"), fixed.getString("digest"));
    }

    @Test
    void theImpactOfADraftOnAnOrderFileListsTheChangedLinesAndTheRulesBehindThem() {
        int rateBefore = check().then().extract().path("additionalDutyRate");
        String id = newDraft();
        int rateAfter = rateBefore + 2;
        putJapanRate(id, rateAfter);
        asEditor().contentType("text/csv").body(Payloads.read("editing/impact-orders.csv"))
                .post(DRAFTS + "/" + id + "/impact")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("rows", equalTo(6)).body("checked", equalTo(5)).body("invalid", equalTo(1))
                .body("changed", equalTo(2))
                .body("changesByKind.DUTY", equalTo(2))
                .body("rules[0].ruleId", equalTo("US-RECIPROCAL-JP-APRIL"))
                .body("changedRows[0].reference", equalTo("JP-0409-A"))
                .body("changedRows[0].line", equalTo(2))
                .body("changedRows[0].rateBefore", equalTo(rateBefore))
                .body("changedRows[0].rateAfter", equalTo(rateAfter))
                .body("changedRows[0].dutyDelta", equalTo(20.0f))
                .body("duty.find { it.currency == 'USD' }.delta", equalTo(420.0f))
                .body("invalidLines[0].line", equalTo(7))
                .body("rowsPerSecond", org.hamcrest.Matchers.greaterThan(0));
        // Nothing went live.
        check().then().body("additionalDutyRate", equalTo(rateBefore));
        asEditor().contentType("text/csv").body("not,an\norder,file\n").post(DRAFTS + "/" + id + "/impact")
                .then().statusCode(400).contentType("application/problem+json");
    }

    @Test
    void everyEditingRouteIsInTheOpenApi() {
        asEditor().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/rules'.get", notNullValue())
                .body("paths.'/api/v1/rules/versions'.get", notNullValue())
                .body("paths.'/api/v1/rules/versions/{number}/rollback'.post", notNullValue())
                .body("paths.'/api/v1/rules/drafts'.post", notNullValue())
                .body("paths.'/api/v1/rules/drafts/{id}/validation'.post", notNullValue())
                .body("paths.'/api/v1/rules/drafts/{id}/activation'.post", notNullValue())
                .body("paths.'/api/v1/rules/drafts/{id}/files/{path}'.put", notNullValue())
                .body("paths.'/api/v1/rules/drafts/{id}/impact'.post", notNullValue())
                .body("paths.keySet()", hasItem("/api/v1/rules/versions/{number}/pack"));
    }

    static io.restassured.response.Response check() {
        return asChecker().contentType(ContentType.JSON).body(Payloads.read("editing/japan-ball-2025-04-09.json"))
                .post("/api/v1/checks");
    }

    static String newDraft() {
        return asEditor().contentType("application/zip").header("X-User", "ann").post(DRAFTS)
                .then().statusCode(201).extract().path("id");
    }

    /** The specialist's edit: Japan's 9 April 2025 rate in the table, and the scenario that pins it. */
    static void putJapanRate(String id, int rate) {
        putFile(id, PackFixture.RECIPROCAL, PackFixture.reciprocalWithJapanRate(draftFile(id, PackFixture.RECIPROCAL), rate));
        putFile(id, PackFixture.SCENARIO, PackFixture.scenarioWithJapanRate(draftFile(id, PackFixture.SCENARIO), rate));
    }

    static byte[] draftFile(String id, String path) {
        return asEditor().get(DRAFTS + "/" + id + "/files/" + path).then().statusCode(200).extract().asByteArray();
    }

    static void putFile(String id, String path, byte[] content) {
        asEditor().contentType("text/csv").body(content).put(DRAFTS + "/" + id + "/files/" + path)
                .then().statusCode(200);
    }

    /** Polls GET /api/v1/rules until the watcher has acted; the bound only guards against a hang. */
    static JsonPath awaitRules(Predicate<JsonPath> done) throws InterruptedException {
        for (int i = 0; i < 300; i++) {
            JsonPath rules = asEditor().get("/api/v1/rules").then().statusCode(200).extract().jsonPath();
            if (done.test(rules)) {
                return rules;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the rules folder watcher did not act within 30 s");
    }

    static byte[] zip(String name, String content) {
        try {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
                zip.putNextEntry(new ZipEntry(name));
                zip.write(content.getBytes(StandardCharsets.UTF_8));
                zip.closeEntry();
            }
            return bytes.toByteArray();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
