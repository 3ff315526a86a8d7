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
    void aBodylessPostWithoutContentTypeMakesNoDraft() throws java.io.IOException {
        // Before: 201 and a new draft, so a hostile page could fill the drafts (and activate or roll back the same way).
        // A plain socket: HTTP clients tend to add a content type of their own.
        for (String path : java.util.List.of(DRAFTS, "/api/v1/rules/versions/99999/rollback", DRAFTS + "/x/activation")) {
            String answer = bodylessPost(path);
            org.junit.jupiter.api.Assertions.assertTrue(answer.startsWith("HTTP/1.1 403"), path + ": " + answer);
            org.junit.jupiter.api.Assertions.assertTrue(answer.contains("Content-Type"), answer);
        }
        // REST Assured sends text/plain here: refused as a form type.
        asEditor().when().post(DRAFTS).then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    private static String bodylessPost(String path) throws java.io.IOException {
        try (java.net.Socket socket = new java.net.Socket(java.net.InetAddress.getLoopbackAddress(),
                io.restassured.RestAssured.port)) {
            socket.setSoTimeout(30_000);
            String auth = java.util.Base64.getEncoder().encodeToString("test-editor:editor-secret".getBytes());
            socket.getOutputStream().write(("POST " + path + " HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic "
                    + auth + "\r\nContent-Length: 0\r\nConnection: close\r\n\r\n").getBytes());
            return new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
    }

    @Test
    void formContentTypesAreRefusedBeforeAnyRouteRuns() {
        asEditor().contentType("application/x-www-form-urlencoded").body("comment=x")
                .when().post("/api/v1/rules/versions/99999/rollback").then().statusCode(415)
                .contentType(Problem.MEDIA_TYPE).body("detail", containsString("web form"));
        asEditor().contentType("text/plain").body("{}")
                .when().post(DRAFTS + "/no-such-draft/activation").then().statusCode(415);
        asChecker().contentType("multipart/form-data; boundary=x").body("--x--".getBytes(java.nio.charset.StandardCharsets.US_ASCII))
                .when().post("/api/v1/batch-jobs").then().statusCode(415);
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
