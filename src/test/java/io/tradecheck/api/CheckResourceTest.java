package io.tradecheck.api;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import static io.tradecheck.security.TestUsers.asChecker;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

@QuarkusTest
class CheckResourceTest {

    @Test
    void theArticles125PercentShipmentOf15April2025() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/china-125-2025-04-15.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200).contentType(ContentType.JSON)
                .body("reference", equalTo("ARTICLE-125"))
                .body("decision", equalTo("DUTIABLE"))
                .body("additionalDutyRate", equalTo(152.5f))
                .body("additionalDuty", equalTo(15250.0f))
                .body("currency", equalTo("USD"))
                .body("evaluationDate", equalTo("2025-04-15"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.kind", equalTo("TARIFF"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.rate", equalTo(125))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.chapter99", equalTo("9903.01.63"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.legalBasis", containsString("EO 14266"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.effectiveFrom", equalTo("2025-04-10"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.effectiveTo", equalTo("2025-05-13"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.source", startsWith("http"))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-CN' }.explanation", containsString("125%"))
                .body("findings.find { it.ruleId == 'US-IEEPA-FENTANYL-CN' }.rate", equalTo(20))
                .body("findings.find { it.ruleId == 'US-IEEPA-FENTANYL-CN' }.chapter99", equalTo("9903.01.24"))
                .body("findings.find { it.ruleId == 'US-301-LIST-4A' }.rate", equalTo(7.5f))
                .body("findings.find { it.ruleId == 'US-301-LIST-4A' }.chapter99", equalTo("9903.88.15"))
                .body("findings.ruleId", not(hasItem("US-RECIPROCAL-BASELINE")))
                .body("ruleSet.version", notNullValue())
                .body("ruleSet.digest", startsWith("sha256:"));
    }

    @Test
    void itsGenevaPausedTwinOf1June2025() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/china-geneva-2025-06-01.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("DUTIABLE"))
                .body("additionalDutyRate", equalTo(37.5f))
                .body("additionalDuty", equalTo(3750.0f))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-BASELINE' }.rate", equalTo(10))
                .body("findings.find { it.ruleId == 'US-RECIPROCAL-BASELINE' }.chapter99", equalTo("9903.01.25"))
                .body("findings.find { it.kind == 'PAUSED_TARIFF' }.ruleId", equalTo("US-RECIPROCAL-CN-GENEVA-PAUSE"))
                .body("findings.find { it.kind == 'PAUSED_TARIFF' }.rate", equalTo(34))
                .body("findings.find { it.kind == 'PAUSED_TARIFF' }.effectiveFrom", equalTo("2025-05-14"))
                .body("findings.find { it.kind == 'PAUSED_TARIFF' }.effectiveTo", equalTo("2025-08-11"))
                .body("findings.find { it.kind == 'PAUSED_TARIFF' }.resumesOn", equalTo("2025-08-12"))
                .body("findings.find { it.kind == 'PAUSED_TARIFF' }.legalBasis", containsString("EO 14298"));
    }

    @Test
    void anExemptLaptopShowsTheExemptionAndStillOwesTheFentanylTariff() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/china-laptop-2025-04-15.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("additionalDutyRate", equalTo(20))
                .body("additionalDuty", equalTo(500.1f))
                .body("findings.kind", hasItems("TARIFF", "EXEMPTION"))
                .body("findings.find { it.kind == 'EXEMPTION' }.chapter99", equalTo("9903.01.32"))
                .body("findings.find { it.kind == 'EXEMPTION' }.explanation", containsString("US-RECIPROCAL-CN (125%)"));
    }

    @Test
    void edaSoftwareToChinaInJune2025NeedsALicence() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/eda-software-2025-06-10.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("LICENSE_REQUIRED"))
                .body("additionalDutyRate", equalTo(0))
                .body("findings[0].ruleId", equalTo("US-EXPORT-EDA-CN"))
                .body("findings[0].effectiveTo", equalTo("2025-07-01"));
    }

    @Test
    void galliumToTheUsIsProhibitedBeforeTheSuspension() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/gallium-to-us-2025-06-01.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("decision", equalTo("PROHIBITED"))
                .body("findings[0].kind", equalTo("PROHIBITION"))
                .body("findings[0].legalBasis", containsString("Announcement No. 46 of 2024"));
    }

    @Test
    void aMissingEntryDateMeansTodayInNewYork() {
        String today = LocalDate.now(ZoneId.of("America/New_York")).toString();
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/no-entry-date.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(200)
                .body("evaluationDate", equalTo(today))
                .body("currency", equalTo("EUR"));
    }

    @Test
    void aTypoedFieldIsRejectedWithASuggestion() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/typo-orgin.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("status", equalTo(400))
                .body("errors[0].field", equalTo("orgin"))
                .body("errors[0].reason", containsString("did you mean 'originCountry'"));
    }

    @Test
    void everyInvalidFieldIsNamedWithItsReason() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/many-bad-fields.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Invalid request"))
                .body("errors.field", hasItems("originCountry", "hsCode", "customsValue", "currency", "entryDate"))
                .body("errors.find { it.field == 'originCountry' }.reason", containsString("ISO 3166-1"))
                .body("errors.find { it.field == 'hsCode' }.reason", containsString("6 to 10 digits"))
                .body("errors.find { it.field == 'customsValue' }.reason", containsString("greater than or equal to 0"))
                .body("errors.find { it.field == 'currency' }.reason", containsString("ISO 4217"))
                .body("errors.find { it.field == 'entryDate' }.reason", containsString("existing calendar date"));
    }

    @Test
    void missingRequiredFieldsAreAllNamed() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/missing-required.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", hasItems("originCountry", "destinationCountry", "hsCode", "customsValue", "currency"))
                .body("errors", hasSize(5));
    }

    @Test
    void malformedJsonIsAProblemNotAStackTrace() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/malformed.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("title", equalTo("Malformed JSON"))
                .body("errors[0].field", equalTo("(body)"))
                .body("detail", containsString("line"))
                .body(not(containsString("at io.")));
    }

    @Test
    void aWrongTypeNamesTheField() {
        asChecker().contentType(ContentType.JSON).body(Payloads.read("checks/wrong-type.json"))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("customsValue"))
                .body("errors[0].reason", containsString("a number"));
    }

    @Test
    void anEmptyBodyIsRejected() {
        asChecker().contentType(ContentType.JSON)
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors[0].field", equalTo("(body)"));
    }

    @Test
    void aNonJsonBodyIsRejectedAsUnsupported() {
        // X-Requested-By: past the cross-site guard (a text/plain POST without it is refused as form-sendable, 403).
        asChecker().header("X-Requested-By", "test").contentType(ContentType.TEXT).body("originCountry=CN")
                .when().post("/api/v1/checks")
                .then().statusCode(415).contentType("application/problem+json");
    }
}
