package io.tradecheck.console;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Sign-in, session cookie, CSRF and error pages over plain HTTP; the API's answers stay as they were. */
@QuarkusTest
@TestProfile(ConsoleProfile.class)
class ConsoleSecurityTest {
    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private static String signIn(String user, String password) {
        Response r = given().redirects().follow(false).formParam("j_username", user).formParam("j_password", password)
                .post("/j_security_check");
        r.then().statusCode(302).header("Location", endsWith("/console"));
        String setCookie = r.getHeader("Set-Cookie");
        assertTrue(setCookie.contains("HttpOnly") || setCookie.contains("HTTPOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        return r.getCookie("tradecheck-session");
    }

    @Test
    void aVisitorIsSentToSignIn() {
        given().redirects().follow(false).get("/console/check").then().statusCode(302)
                .header("Location", containsString("/console/login"));
    }

    @Test
    void aWrongPasswordReturnsToTheSignInPageSayingSo() {
        given().redirects().follow(false).formParam("j_username", "test-checker").formParam("j_password", "wrong")
                .post("/j_security_check").then().statusCode(303).header("Location", endsWith("/console/login/failed"));
        given().get("/console/login/failed").then().statusCode(200).body(containsString("Wrong user name or password"));
    }

    @Test
    void aFormWithoutTheSessionsTokenIsRefused() {
        String session = signIn("test-checker", "checker-secret");
        String page = given().cookie("tradecheck-session", session).get("/console/check").then().statusCode(200)
                .extract().asString();
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find(), "the form carries a token");
        String token = m.group(1);
        given().cookie("tradecheck-session", session).formParam("hsCode", "9506.62.40.40").formParam("originCountry", "CN")
                .formParam("destinationCountry", "US").formParam("customsValue", "100").formParam("currency", "USD")
                .post("/console/check").then().statusCode(403).contentType(containsString("text/html"))
                .body(containsString("security token"));
        given().cookie("tradecheck-session", session).formParam("_csrf", token + "x").formParam("hsCode", "9506.62.40.40")
                .post("/console/check").then().statusCode(403);
        given().cookie("tradecheck-session", session).formParam("_csrf", token).formParam("hsCode", "9506.62.40.40")
                .formParam("originCountry", "CN").formParam("destinationCountry", "US").formParam("customsValue", "100")
                .formParam("currency", "USD").formParam("entryDate", "2025-04-15")
                .post("/console/check").then().statusCode(200).body(containsString("id=\"outcome\""));
        // Another user's token is not this user's.
        String other = signIn("test-editor", "editor-secret");
        String editorPage = given().cookie("tradecheck-session", other).get("/console/drafts").then().statusCode(200)
                .extract().asString();
        Matcher e = CSRF.matcher(editorPage);
        assertTrue(e.find());
        given().cookie("tradecheck-session", session).formParam("_csrf", e.group(1)).formParam("hsCode", "9506.62.40.40")
                .post("/console/check").then().statusCode(403);
    }

    @Test
    void aPageForAnotherRoleIsAForbiddenPageWhileTheApiKeepsProblemJson() {
        String session = signIn("test-checker", "checker-secret");
        given().cookie("tradecheck-session", session).get("/console/drafts").then().statusCode(403)
                .contentType(containsString("text/html")).body(containsString("Not for your role"));
        given().get("/api/v1/decisions").then().statusCode(401).contentType(containsString("application/problem+json"));
        given().auth().preemptive().basic("test-checker", "wrong").get("/api/v1/rules").then().statusCode(401)
                .contentType(containsString("application/problem+json"));
        given().auth().preemptive().basic("test-checker", "checker-secret").get("/api/v1/decisions").then().statusCode(403)
                .contentType(containsString("application/problem+json"));
    }

    @Test
    void signingOutEndsTheSession() {
        String session = signIn("test-auditor", "auditor-secret");
        String page = given().cookie("tradecheck-session", session).get("/console").then().statusCode(200).extract().asString();
        Matcher m = CSRF.matcher(page);
        assertTrue(m.find());
        Response out = given().redirects().follow(false).cookie("tradecheck-session", session).formParam("_csrf", m.group(1))
                .post("/console/logout");
        out.then().statusCode(303).header("Location", endsWith("/console/login?signedOut=1"));
        String cleared = out.getHeader("Set-Cookie");
        assertNotNull(cleared);
        assertTrue(cleared.startsWith("tradecheck-session=;") || cleared.contains("Max-Age=0"), cleared);
    }
}
