package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The read-only schedule routes and what the schedule adds to a pre-check, on the bundled rules/hts. */
@QuarkusTest
class HtsResourceTest {

    @Test
    void aStatisticalLineShowsItsPathTheRatesOfItsSubheadingAndItsChapter99Reference() {
        asChecker().when().get("/api/v1/hts/6109.10.00.12?date=2025-07-01")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("code", equalTo("6109.10.00.12"))
                .body("rateLine", equalTo("6109.10.00"))
                .body("general", equalTo("16.5%"))
                .body("generalRate.adValorem", equalTo(16.5f))
                .body("specialRates.find { it.programme == 'KR' }.rate.text", equalTo("Free"))
                .body("other", equalTo("90%"))
                .body("ch99", hasItem("9903.88.15"))
                .body("descriptionPath[0]", startsWith("T-shirts, singlets"))
                .body("description", containsString("Of cotton"))
                .body("validFrom", equalTo("2025-01-01"));
    }

    @Test
    void aSpecificRateIsReadIntoDollarsPerUnit() {
        asChecker().when().get("/api/v1/hts/2204.21.50?date=2025-07-01")
                .then().statusCode(200)
                .body("generalRate.specific", hasItem("0.063/liter"))
                .body("generalRate.adValorem", nullValue());
    }

    @Test
    void aCodeNotInForceIsA404Problem() {
        asChecker().when().get("/api/v1/hts/8471.30.00?date=2025-07-01")
                .then().statusCode(404).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("8471.30.00"));
    }

    @Test
    void aBadDateIsA400Problem() {
        asChecker().when().get("/api/v1/hts/6109.10.00?date=1.7.2025")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("yyyy-MM-dd"));
    }

    @Test
    void typeaheadMatchesDigitsByPrefixAndWordsInTheDescription() {
        asChecker().when().get("/api/v1/hts?q=6109.10&date=2025-07-01&limit=5")
                .then().statusCode(200)
                .body("", hasSize(5))
                .body("code", everyItem(startsWith("6109.10")));
        asChecker().when().get("/api/v1/hts?q=inflatable balls&date=2025-07-01")
                .then().statusCode(200)
                .body("code", hasItem("9506.62.40.40"));
    }

    @Test
    void aCheckWithoutMfnRateUsesTheSpecialRateOfTheClaimedProgramme() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/korean-tshirts-kr-2025-03-01.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("mfnRate", equalTo(0))
                .body("mfnSource.column", equalTo("special"))
                .body("mfnSource.programme", equalTo("KR"))
                .body("mfnSource.htsCode", equalTo("6109.10.00"))
                .body("mfnSource.revision", equalTo("2025_basic"))
                .body("totalDutyRate", equalTo(0))
                .body("totalDuty", equalTo(0.0f))
                .body("htsDescription", containsString("Of cotton"));
    }

    @Test
    void aSpecificRateWithoutQuantityLeavesTheTotalsNullNotZero() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/french-wine-no-quantity-2025-03-01.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("mfnRate", nullValue())
                .body("totalDutyRate", nullValue())
                .body("totalDuty", nullValue())
                .body("findings.find { it.ruleId == 'HTS-MFN-QUANTITY-NEEDED' }.explanation", containsString("liter"));
    }

    @Test
    void anUnknownCodeIsNeverClear() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/unknown-code-2025-03-01.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("REVIEW"))
                .body("findings[0].kind", equalTo("UNKNOWN_CODE"))
                .body("findings[0].explanation", containsString("8471.30.01.00"))
                .body("htsDescription", nullValue());
    }
}
