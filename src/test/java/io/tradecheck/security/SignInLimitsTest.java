package io.tradecheck.security;

import static io.tradecheck.security.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Guessing passwords over HTTP: before, every wrong password cost a PBKDF2 hash, without limit or log line. Now a name
 * is refused (429, Retry-After) after a few failures, known or not, and so is an address that fails too often.
 */
@QuarkusTest
@TestProfile(SignInLimitsTest.LowLimits.class)
class SignInLimitsTest {
    public static class LowLimits implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("tradecheck.security.login.account.max-failures", "3",
                    "tradecheck.security.login.source.max-failures", "12");
        }
    }

    @Test
    void aGuessedNameIsLockedThenTheGuessingAddress() {
        for (int i = 0; i < 3; i++) {
            as("test-auditor", "guess-" + i).when().get("/api/v1/rules").then().statusCode(401);
        }
        // Locked: even the right password is refused unchecked, so a guesser cannot tell when a guess was right.
        as("test-auditor", "auditor-secret").when().get("/api/v1/rules").then().statusCode(429)
                .contentType("application/problem+json").header("Retry-After", notNullValue())
                .body("detail", containsString("failed sign-ins"));
        as("test-checker", "checker-secret").when().get("/api/v1/rules").then().statusCode(200);

        // A name that does not exist locks in the same way: the lockout does not say which names are real.
        for (int i = 0; i < 3; i++) {
            as("no-such-user", "guess-" + i).when().get("/api/v1/rules").then().statusCode(401);
        }
        as("no-such-user", "guess-x").when().get("/api/v1/rules").then().statusCode(429);

        // 6 failures so far from this address; 6 more with fresh names, and the address is refused for every name.
        for (int i = 0; i < 6; i++) {
            as("spray-" + i, "guess").when().get("/api/v1/rules").then().statusCode(401);
        }
        as("test-editor", "editor-secret").when().get("/api/v1/rules").then().statusCode(429);
        TestUsers.withKey(TestUsers.CHECKER_KEY).when().get("/api/v1/rules").then().statusCode(429);
    }
}
