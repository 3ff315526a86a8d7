package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** (REST Assured reads JSON numbers such as 12.5 as Float, hence the float literals.) The optional request fields of the full pack, end to end through HTTP, and the pack's content range. */
@QuarkusTest
class OptionalFieldsResourceTest {

    private static String payload(String name) throws IOException {
        try (InputStream in = OptionalFieldsResourceTest.class.getResourceAsStream("/checks/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    @Test
    void anEuCarPaysTheAllInRateWorkedOutFromItsMfnRate() throws IOException {
        asChecker().contentType(ContentType.JSON).body(payload("eu-car-all-in.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("DUTIABLE"))
                .body("additionalDutyRate", equalTo(12.5f))
                .body("findings.ruleId", hasItem("US-232-AUTOS-EU"));
    }

    @Test
    void withoutItsMfnRateAnEuCarTakesTheScheduleRateForTheAllInCap() throws IOException {
        // 8703.23.01: general 2.5% (HTS 2025); the EU's 15% all-in cap leaves 12.5% of Section 232 autos.
        asChecker().contentType(ContentType.JSON).body(payload("eu-car-without-mfn.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("DUTIABLE"))
                .body("additionalDutyRate", equalTo(12.5f))
                .body("mfnRate", equalTo(2.5f))
                .body("totalDutyRate", equalTo(15))
                .body("containsKey('dutyNotComputed')", equalTo(false));
    }

    @Test
    void whenNeitherTheRequestNorTheScheduleGivesAPercentMfnTheAllInDutyIsNullWithItsReasonNeverAZero() throws IOException {
        // 2204.21.50: 6.3 cents/liter; without a quantity the MFN has no percent, so the EU's all-in cap cannot be worked out.
        asChecker().contentType(ContentType.JSON).body(payload("eu-wine-without-quantity.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("DUTIABLE"))
                .body("containsKey('additionalDutyRate')", equalTo(true))
                .body("additionalDutyRate", nullValue())
                .body("additionalDuty", nullValue())
                .body("dutyNotComputed", containsString("mfnRate"))
                .body("findings.ruleId", hasItem("MFN-RATE-NEEDED"));
    }

    @Test
    void aCanadianSteelArticleSplitsItsValueBetweenSteel232AndTheCanadaTariff() throws IOException {
        asChecker().contentType(ContentType.JSON).body(payload("canadian-steel-article.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("additionalDutyRate", equalTo(44))
                .body("additionalDuty", equalTo(4400.0f));
    }

    @Test
    void anExportToAnAffiliateOfAListedPartyNeedsALicence() throws IOException {
        asChecker().contentType(ContentType.JSON).body(payload("us-export-to-affiliate.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("LICENSE_REQUIRED"))
                .body("findings.ruleId", hasItem("US-EXPORT-AFFILIATES-RULE"));
    }

    @Test
    void holmiumNamedInElementsGetsNoAnnex18Licence() throws IOException {
        asChecker().contentType(ContentType.JSON).body(payload("holmium-metal-elements.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("CLEAR"))
                .body("findings.ruleId", not(hasItem("CN-EXPORT-RARE-EARTHS-ANN18")))
                .body("findings.ruleId", hasItem("CN-EXPORT-ANN57-SUSPENDED"));
    }

    @Test
    void theEndOfSection122WithinTheHorizonIsAnUpcomingChangeThatLeavesTheDutyAlone() throws IOException {
        asChecker().contentType(ContentType.JSON).body(payload("section-122-ending.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("additionalDutyRate", equalTo(10))
                .body("findings.find { it.ruleId == 'US-SECTION-122-UPCOMING' }.kind", equalTo("UPCOMING_CHANGE"))
                .body("findings.find { it.ruleId == 'US-SECTION-122-UPCOMING' }.effectiveFrom", equalTo("2026-07-24"))
                .body("findings.find { it.ruleId == 'US-SECTION-122-UPCOMING' }.title",
                        containsString("ends on 23 Jul 2026"));
    }

    @Test
    void badElementsAndANegativeHorizonAreNamedWithTheirReason() throws IOException {
        asChecker().contentType(ContentType.JSON).body(payload("bad-elements-and-horizon.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.find { it.field == 'elements' }.reason", containsString("chemical element symbols"))
                .body("errors.find { it.field == 'horizonDays' }.reason", containsString("greater than or equal to 0"));
    }

    @Test
    void theRulesEndpointReportsTheContentDateRangeAndReviewDate() {
        asChecker().when().get("/api/v1/rules")
                .then().statusCode(200)
                .body("contentFrom", notNullValue())
                .body("contentTo", notNullValue())
                .body("reviewedThrough", notNullValue());
    }

    @Test
    void theOptionalFieldsAreDocumentedInTheOpenApi() {
        asChecker().when().get("/q/openapi")
                .then().statusCode(200)
                .body(containsString("metalContentPercent"))
                .body(containsString("semiconductor232Covered"))
                .body(containsString("endUserOwnedByListedParty"))
                .body(containsString("chinaRareEarthContentPercent"))
                .body(containsString("section301ExclusionClaimed"))
                .body(containsString("elements"))
                .body(containsString("horizonDays"));
    }
}
