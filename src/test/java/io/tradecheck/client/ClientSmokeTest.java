package io.tradecheck.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.tradecheck.api.EditingProfile;
import io.tradecheck.client.nativeclient.api.CheckResourceApi;
import io.tradecheck.client.nativeclient.api.DecisionsResourceApi;
import io.tradecheck.client.okhttp.api.BatchJobResourceApi;
import io.tradecheck.client.okhttp.api.DraftsResourceApi;
import io.tradecheck.editing.PackFixture;
import java.io.File;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The API as a client generated from the committed OpenAPI document sees it (OpenAPI Generator, generator java, both
 * libraries: native on java.net.http with Jackson, okhttp-gson, whose models reject fields the document does not
 * declare): a pre-check, a batch upload with its results, a decision-log query and a draft edit, each signed in with
 * one of the declared schemes.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class ClientSmokeTest {
    @TestHTTPResource("/")
    URL root;

    @TempDir
    Path dir;

    private String base() {
        return root.toString().replaceFirst("/$", "");
    }

    private io.tradecheck.client.nativeclient.ApiClient nativeClient(String user, String password) {
        io.tradecheck.client.nativeclient.ApiClient client = new io.tradecheck.client.nativeclient.ApiClient();
        client.updateBaseUri(base());
        String basic = "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        client.setRequestInterceptor(request -> request.header("Authorization", basic));
        return client;
    }

    private io.tradecheck.client.okhttp.ApiClient okhttpClient() {
        io.tradecheck.client.okhttp.ApiClient client = new io.tradecheck.client.okhttp.ApiClient();
        client.setBasePath(base());
        return client;
    }

    @Test
    void aPreCheckAndItsDecisionInTheLogThroughTheNativeClient() throws Exception {
        var check = new CheckResourceApi(nativeClient("test-checker", "checker-secret"));
        var decision = check.check(new io.tradecheck.client.nativeclient.model.CheckRequest()
                .reference("CLIENT-NATIVE").originCountry("CN").destinationCountry("US").hsCode("9506.62.40.40")
                .customsValue(new BigDecimal("10000")).currency("USD").entryDate("2025-04-15"));
        assertEquals(io.tradecheck.client.nativeclient.model.Outcome.DUTIABLE, decision.getDecision());
        assertEquals(0, new BigDecimal("152.5").compareTo(decision.getAdditionalDutyRate()));
        assertTrue(decision.getFindings().stream().anyMatch(f -> "US-RECIPROCAL-CN".equals(f.getRuleId())));

        var noMfn = check.check(new io.tradecheck.client.nativeclient.model.CheckRequest()
                .originCountry("FR").destinationCountry("US").hsCode("2204.21.50.05")
                .customsValue(new BigDecimal("40000")).currency("USD").entryDate("2025-09-01"));
        assertNull(noMfn.getAdditionalDutyRate(), "a specific MFN without a quantity: the EU all-in duty is not computed");
        assertNotNull(noMfn.getDutyNotComputed());

        var log = new DecisionsResourceApi(nativeClient("test-auditor", "auditor-secret"));
        var page = log.search(null, null, null, 10, null, "CLIENT-NATIVE", null, null);
        assertTrue(page.getTotal() >= 1);
        var entry = log.getDecisions(decision.getDecisionId());
        assertEquals("CN", entry.getRequest().getOriginCountry(), "the logged request is typed, not a JsonNode");
        assertEquals(0, decision.getAdditionalDuty().compareTo(entry.getResponse().getAdditionalDuty()));
    }

    @Test
    void aBatchUploadWithItsResultsThroughTheOkhttpClientWithAnApiKey() throws Exception {
        io.tradecheck.client.okhttp.ApiClient client = okhttpClient();
        client.setApiKey("tc_test-checker-key");
        var jobs = new BatchJobResourceApi(client);
        File orders = Files.copy(Path.of("src/test/resources/batch/orders.csv"), dir.resolve("orders.csv")).toFile();
        var job = jobs.submit(orders, null);
        for (int i = 0; i < 300 && job.getState() != io.tradecheck.client.okhttp.model.JobState.DONE; i++) {
            Thread.sleep(50);
            job = jobs.status(job.getId());
        }
        assertEquals(io.tradecheck.client.okhttp.model.JobState.DONE, job.getState());
        assertEquals(11L, job.getLinesDone());
        List<String> results = jobs.results(job.getId()).lines().toList();
        assertEquals(12, results.size(), "a header and one line per order");
        var summary = jobs.summary(job.getId());
        assertEquals(11L, summary.getLines());
        assertEquals(2L, summary.getErrors());
    }

    @Test
    void aDraftEditedValidatedAndActivatedThroughBothClients() throws Exception {
        io.tradecheck.client.okhttp.ApiClient client = okhttpClient();
        client.setUsername("test-editor");
        client.setPassword("editor-secret");
        var drafts = new DraftsResourceApi(client);
        File empty = Files.createFile(dir.resolve("empty.zip")).toFile();
        var draft = drafts.create(empty, "client smoke", null);
        var nativeDrafts = new io.tradecheck.client.nativeclient.api.DraftsResourceApi(
                nativeClient("test-editor", "editor-secret"));
        Path reciprocal = dir.resolve("reciprocal.csv");
        Path scenario = dir.resolve("scenario.yaml");
        Files.write(reciprocal, PackFixture.reciprocalWithJapanRate(
                Files.readAllBytes(drafts.callFile(draft.getId(), PackFixture.RECIPROCAL).toPath()), 29));
        Files.write(scenario, PackFixture.scenarioWithJapanRate(
                Files.readAllBytes(drafts.callFile(draft.getId(), PackFixture.SCENARIO).toPath()), 29));
        nativeDrafts.putFile(draft.getId(), PackFixture.RECIPROCAL, reciprocal.toFile());
        var edited = drafts.putFile(draft.getId(), PackFixture.SCENARIO, scenario.toFile());
        assertEquals(List.of(PackFixture.SCENARIO, PackFixture.RECIPROCAL), edited.getChanges().getModified());
        var report = drafts.validateDrafts(draft.getId());
        assertTrue(report.getValid(), String.valueOf(report.getErrors()));
        var version = drafts.activate(draft.getId(),
                new io.tradecheck.client.okhttp.model.ActivationRequest().comment("client smoke"), null);
        assertEquals(io.tradecheck.client.okhttp.model.How.DRAFT, version.getHow());
    }
}
