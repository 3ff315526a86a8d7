package io.tradecheck.security;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;

/** The known users of the test profile ({@code src/test/resources/security/users.properties}). */
public final class TestUsers {
    public static final String CHECKER_KEY = "tc_test-checker-key";
    public static final String AUDITOR_KEY = "tc_test-auditor-key";

    private TestUsers() {
    }

    public static RequestSpecification asChecker() {
        return as("test-checker", "checker-secret");
    }

    public static RequestSpecification asEditor() {
        return as("test-editor", "editor-secret");
    }

    public static RequestSpecification asAuditor() {
        return as("test-auditor", "auditor-secret");
    }

    /** Authenticated, but with no role at all. */
    public static RequestSpecification asNobody() {
        return as("test-nobody", "nobody-secret");
    }

    public static RequestSpecification as(String user, String password) {
        return given().auth().preemptive().basic(user, password);
    }

    public static RequestSpecification withKey(String key) {
        return given().header(ApiKeyMechanism.HEADER, key);
    }
}
