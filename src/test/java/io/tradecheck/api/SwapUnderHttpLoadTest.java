package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.asEditor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.tradecheck.security.TestUsers;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;
import io.tradecheck.editing.PackFixture;
import java.math.BigDecimal;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/**
 * Checks over HTTP on a few threads while versions are activated and rolled back through the API: no request fails,
 * and each answer is wholly one version's (its digest names a version, its rate is that version's). Bounded in count.
 */
@QuarkusTest
@TestProfile(EditingProfile.class)
class SwapUnderHttpLoadTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int THREADS = 2;
    private static final int MAX_REQUESTS_PER_THREAD = 20_000;

    @Test
    void checksDuringActivationsAndRollbacksNeverFailNorMixVersions() throws Exception {
        Map<String, BigDecimal> rateByDigest = new ConcurrentHashMap<>();
        int first = asEditor().get("/api/v1/rules").then().extract().path("activation.number");
        rateByDigest.put(asEditor().get("/api/v1/rules").then().extract().path("digest"), rate(check()));
        int second = activateJapanRate(28, rateByDigest);
        int third = activateJapanRate(29, rateByDigest);

        HttpClient http = HttpClient.newHttpClient();
        URI checks = URI.create("http://localhost:" + RestAssured.port + "/api/v1/checks");
        String body = Payloads.read("editing/japan-ball-2025-04-09.json");
        AtomicBoolean stop = new AtomicBoolean();
        AtomicLong done = new AtomicLong();
        ConcurrentLinkedQueue<String> failures = new ConcurrentLinkedQueue<>();
        Set<String> seen = ConcurrentHashMap.newKeySet();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < MAX_REQUESTS_PER_THREAD && !stop.get(); i++) {
                    try {
                        HttpResponse<String> response = http.send(HttpRequest.newBuilder(checks)
                                .header("Content-Type", "application/json").header("X-API-Key", TestUsers.CHECKER_KEY)
                                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
                        if (response.statusCode() != 200) {
                            failures.add("HTTP " + response.statusCode() + ": " + response.body());
                            continue;
                        }
                        JsonNode decision = JSON.readTree(response.body());
                        String digest = decision.path("ruleSet").path("digest").asText();
                        BigDecimal expected = rateByDigest.get(digest);
                        if (expected == null || expected.compareTo(decision.path("additionalDutyRate").decimalValue()) != 0) {
                            failures.add("digest " + digest + " answered " + decision.path("additionalDutyRate"));
                        }
                        seen.add(digest);
                        done.incrementAndGet();
                    } catch (Exception e) {
                        failures.add(e.toString());
                    }
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (int number : List.of(first, third, second)) {
            String digest = asEditor().contentType(ContentType.JSON).body("{}")
                    .post("/api/v1/rules/versions/" + number + "/rollback").then().statusCode(200).extract().path("digest");
            io.tradecheck.editing.SwapUnderLoadTest.awaitSeen(seen, digest, threads);
        }
        stop.set(true);
        for (Thread thread : threads) {
            thread.join();
        }
        assertEquals(List.of(), List.copyOf(failures).subList(0, Math.min(10, failures.size())));
        assertTrue(done.get() > 0);
        assertEquals(Set.copyOf(rateByDigest.keySet()), Set.copyOf(seen), "every version answered some checks");
    }

    private static int activateJapanRate(int rate, Map<String, BigDecimal> rateByDigest) {
        String id = RuleEditingResourceTest.newDraft();
        RuleEditingResourceTest.putJapanRate(id, rate);
        var version = asEditor().contentType(ContentType.JSON).body("{}")
                .post(RuleEditingResourceTest.DRAFTS + "/" + id + "/activation").then().statusCode(200).extract().jsonPath();
        rateByDigest.put(version.getString("digest"), BigDecimal.valueOf(rate));
        return version.getInt("number");
    }

    private static io.restassured.response.Response check() {
        return RuleEditingResourceTest.check();
    }

    private static BigDecimal rate(io.restassured.response.Response response) {
        return new BigDecimal(response.then().extract().jsonPath().getString("additionalDutyRate"));
    }
}
