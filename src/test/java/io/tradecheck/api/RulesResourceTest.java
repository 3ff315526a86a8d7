package io.tradecheck.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import static io.tradecheck.security.TestUsers.asChecker;

import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
class RulesResourceTest {

    @Test
    void describesTheActiveRuleSet() {
        asChecker().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("version", notNullValue())
                .body("digest", startsWith("sha256:"))
                .body("loadedAt", notNullValue())
                .body("contentFrom", equalTo("2018-07-06"))
                .body("counts.tableRows", greaterThan(50))
                .body("counts.rules", greaterThan(50))
                .body("files.path", hasItem("logic/stacking.drl"))
                .body("files.find { it.path == 'logic/stacking.drl' }.sha256.size()", equalTo(64));
    }

    @Test
    void healthAndOpenApiAreServed() {
        given().when().get("/q/health").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/checks'.post", notNullValue())
                .body("components.schemas.CheckRequest.properties.originCountry", notNullValue());
    }
}
