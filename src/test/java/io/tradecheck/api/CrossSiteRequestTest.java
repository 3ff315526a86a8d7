package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.asEditor;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/**
 * A page on another site can make a browser that has cached Basic credentials send a POST: with no body and no
 * content type (fetch, no-cors) or as a form. The API refuses both, and whatever the browser marks as cross-site.
 */
@QuarkusTest
class CrossSiteRequestTest {
    private static final String DRAFTS = "/api/v1/rules/drafts";

    @Test
    void aBodylessPostWithoutContentTypeMakesNoDraft() {
        // Before: 201 and a new draft, so a hostile page could fill the drafts (and activate or roll back the same way).
        asEditor().when().post(DRAFTS).then().statusCode(403).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("Content-Type"));
        asEditor().when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(403);
        asEditor().when().post(DRAFTS + "/no-such-draft/activation").then().statusCode(403);
    }

    @Test
    void formContentTypesAreRefused() {
        asEditor().contentType("application/x-www-form-urlencoded").body("comment=x")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(403);
        asEditor().contentType("text/plain").body("{}")
                .when().post(DRAFTS + "/no-such-draft/activation").then().statusCode(403);
        asChecker().contentType("multipart/form-data; boundary=x").body("--x--".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .when().post("/api/v1/batch-jobs").then().statusCode(403);
    }

    @Test
    void whatTheBrowserMarksAsAnotherSiteIsRefusedEvenWithJson() {
        asEditor().contentType(ContentType.JSON).body("{}").header("Sec-Fetch-Site", "cross-site")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(403)
                .body("detail", containsString("another site"));
        asEditor().contentType(ContentType.JSON).body("{}").header("Sec-Fetch-Site", "same-site")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(403);
        asEditor().contentType(ContentType.JSON).body("{}").header("Origin", "https://evil.example")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(403);
        asEditor().header("Origin", "https://evil.example").when().delete(DRAFTS + "/no-such-draft").then().statusCode(403);
    }

    @Test
    void sameSiteRequestsAndToolsPass() {
        asEditor().contentType(ContentType.JSON).body("{}").header("Sec-Fetch-Site", "same-origin")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(404);
        asEditor().contentType(ContentType.JSON).body("{}")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(404);
        asEditor().header("X-Requested-By", "cli").when().post(DRAFTS + "/no-such-draft/activation")
                .then().statusCode(415); // through the guard, to the route's own answer
        asEditor().when().post(DRAFTS + "/no-such-draft/validation").then().statusCode(404);
        asEditor().header("Sec-Fetch-Site", "cross-site").when().get("/api/v1/rules").then().statusCode(200);
    }

    @Test
    void answersCarrySecurityHeadersAndDecisionDataIsNeverCached() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/china-geneva-2025-06-01.json"))
                .when().post("/api/v1/checks").then().statusCode(200)
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                .header("X-Frame-Options", "DENY")
                .header("Cache-Control", "no-store");
        io.restassured.RestAssured.given().when().get("/q/health/live").then().statusCode(200)
                .header("X-Content-Type-Options", equalTo("nosniff"));
    }
}
