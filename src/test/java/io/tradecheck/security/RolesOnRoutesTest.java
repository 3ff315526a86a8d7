package io.tradecheck.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Each role on each route ({@code security/routes.csv}): a caller without credentials or with wrong ones gets 401, a
 * caller without the route's role 403, both as problem+json; a caller with the role gets through.
 */
@QuarkusTest
class RolesOnRoutesTest {

    record Route(String method, String path, String body, Set<String> roles, String contentType) {
    }

    /** Who calls, and the roles they hold (null: not authenticated at all). */
    private static final Map<String, Caller> CALLERS = new LinkedHashMap<>();

    record Caller(Supplier<RequestSpecification> spec, Set<String> roles) {
    }

    static {
        CALLERS.put("no credentials", new Caller(() -> given(), null));
        CALLERS.put("wrong password", new Caller(() -> TestUsers.as("test-checker", "not-the-password"), null));
        CALLERS.put("unknown API key", new Caller(() -> TestUsers.withKey("tc_guessed"), null));
        CALLERS.put("user with no role", new Caller(TestUsers::asNobody, Set.of()));
        CALLERS.put("checker", new Caller(TestUsers::asChecker, Set.of(Roles.CHECKER)));
        CALLERS.put("rule-editor", new Caller(TestUsers::asEditor, Set.of(Roles.RULE_EDITOR)));
        CALLERS.put("auditor", new Caller(TestUsers::asAuditor, Set.of(Roles.AUDITOR)));
        CALLERS.put("checker API key", new Caller(() -> TestUsers.withKey(TestUsers.CHECKER_KEY), Set.of(Roles.CHECKER)));
        CALLERS.put("auditor API key", new Caller(() -> TestUsers.withKey(TestUsers.AUDITOR_KEY), Set.of(Roles.AUDITOR)));
    }

    @TestFactory
    List<DynamicTest> eachRoleOnEachRoute() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        for (Route route : routes()) {
            for (Map.Entry<String, Caller> caller : CALLERS.entrySet()) {
                tests.add(dynamicTest(route.method() + " " + route.path() + " as " + caller.getKey(),
                        () -> expect(route, caller.getValue())));
            }
        }
        return tests;
    }

    private static void expect(Route route, Caller caller) {
        RequestSpecification spec = caller.spec().get();
        if (route.body() != null) {
            spec = spec.contentType(route.contentType()).body(resource(route.body()).getBytes(StandardCharsets.UTF_8));
        }
        Response response = spec.when().request(route.method(), route.path());
        if (route.roles().contains("public")) {
            response.then().statusCode(200);
        } else if (caller.roles() == null) {
            response.then().statusCode(401).contentType("application/problem+json").body("status", equalTo(401))
                    .header("WWW-Authenticate", startsWith("Basic"));
        } else if (caller.roles().stream().noneMatch(route.roles()::contains)) {
            response.then().statusCode(403).contentType("application/problem+json").body("status", equalTo(403));
        } else {
            // Through security: 200, or the route's own answer (404 for the made-up ids used here).
            response.then().statusCode(anyOf(equalTo(200), equalTo(201), equalTo(202), equalTo(404)));
        }
    }

    static List<Route> routes() throws IOException {
        return resource("security/routes.csv").lines()
                .filter(l -> !l.isBlank() && !l.startsWith("#"))
                .map(l -> l.split(",", -1))
                .map(c -> new Route(c[0], c[1], c[2].isBlank() ? null : c[2],
                        Arrays.stream(c[3].split(" ")).filter(s -> !s.isBlank()).collect(Collectors.toSet()),
                        c.length > 4 && !c[4].isBlank() ? c[4] : "application/json"))
                .toList();
    }

    static String resource(String name) {
        try (InputStream in = RolesOnRoutesTest.class.getResourceAsStream("/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException | NullPointerException e) {
            throw new IllegalArgumentException("no test resource " + name, e);
        }
    }
}
