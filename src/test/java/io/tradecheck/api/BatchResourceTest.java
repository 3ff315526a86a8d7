package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

@QuarkusTest
class BatchResourceTest {
    static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    static final File ORDERS_CSV = new File("src/test/resources/batch/orders.csv");
    static final File ORDERS_NDJSON = new File("src/test/resources/batch/orders.ndjson");

    @Test
    void aCsvFileStreamsBackOneCsvResultPerLineInOrder() {
        String body = asChecker().contentType("text/csv").accept("text/csv").body(ORDERS_CSV)
                .when().post("/api/v1/batches")
                .then().statusCode(200).contentType(startsWith("text/csv")).extract().asString();
        List<String> lines = body.lines().toList();
        assertEquals(12, lines.size(), body);
        assertEquals("line,reference,decision,additionalDutyRate,additionalDuty,currency,measures,column,reason,"
                + "mfnRate,totalDutyRate,totalDuty", lines.get(0));
        assertEquals("2,PO-1001,DUTIABLE,152.5,15250.00,USD,\"9903.01.63 9903.01.24 9903.88.15\",,\"Reciprocal tariff on China (125%); "
                + "IEEPA fentanyl tariff on China and Hong Kong (20%); Section 301 List 4A (7.5%); "
                // the tariff-cliff warnings (UPCOMING_CHANGE) of the 30-day default horizon: Geneva on 14 May 2025
                + "China reciprocal rate (34%) suspended by the Geneva arrangement starts on 14 May 2025; "
                + "Reciprocal tariff on China (125%) ends on 13 May 2025 (last day)\""
                // MFN of 9506.62.40 from the schedule (Free), then MFN + additional and the duty
                + ",0,152.5,15250.00", lines.get(1));
        assertEquals("11,PO-1010,ERROR,,,,,customsValue,\"must be a plain number such as 10000 or 12.5, without thousands "
                + "separators or currency (got 'abc')\",,,", lines.get(10));
    }

    @Test
    void anNdjsonFileStreamsBackNdjsonResults() {
        String body = asChecker().contentType("application/x-ndjson").accept("application/x-ndjson").body(ORDERS_NDJSON)
                .when().post("/api/v1/batches")
                .then().statusCode(200).contentType(startsWith("application/x-ndjson")).extract().asString();
        List<String> lines = body.lines().toList();
        assertEquals(4, lines.size(), body);
        JsonPath unknownField = JsonPath.from(lines.get(3));
        assertEquals("ERROR", unknownField.getString("decision"));
        assertEquals("orgin", unknownField.getString("column"));
        assertEquals("unknown field (did you mean 'originCountry'?)", unknownField.getString("reason"));
    }

    @Test
    void anXlsxSheetIsReadByName() {
        asChecker().contentType(XLSX).accept("application/x-ndjson").queryParam("sheet", "March")
                .body(new File("src/test/resources/batch/orders.xlsx"))
                .when().post("/api/v1/batches")
                .then().statusCode(200)
                .body(containsString("\"reference\":\"MAR-1\",\"decision\":\"PROHIBITED\""));
    }

    @Test
    void acceptJsonReturnsTheSummaryAlone() {
        asChecker().contentType("text/csv").accept("application/json").body(ORDERS_CSV)
                .when().post("/api/v1/batches")
                .then().statusCode(200).contentType(startsWith("application/json"))
                .body("lines", equalTo(11))
                .body("errors", equalTo(2))
                .body("decisions.PROHIBITED", equalTo(1))
                // PO-1007 (German laptops, 17 Aug 2026) owes the EU's 10% all-in forced-labour Section 301 duty from
                // 24 Jul 2026 (MFN Free, from the HTS schedule): 10% of 90,000 = 9,000
                .body("decisions.DUTIABLE", equalTo(6))
                // includes PO-1008 (Chinese unwrought gallium, 8112.92.10): Section 301 List 3 (25%, 13,000) since the
                // Section 301 lists were loaded
                .body("additionalDutyByCurrency.USD", equalTo(271000.0f))
                .body("additionalDutyByCurrency.EUR", equalTo(4200.0f))
                .body("ruleSet.version", equalTo(asChecker().get("/api/v1/rules").path("version")));
    }

    @Test
    void anUnreadableFileIsOneProblem() {
        asChecker().contentType("text/csv").body(new File("src/test/resources/batch/unknown-column.csv"))
                .when().post("/api/v1/batches")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("title", equalTo("Unreadable order file"))
                .body("detail", containsString("unknown column 'orgin' (did you mean 'originCountry'?)"));
        asChecker().contentType("text/csv").body(new File("src/test/resources/batch/not-utf8.csv"))
                .when().post("/api/v1/batches")
                .then().statusCode(400).contentType(Problem.MEDIA_TYPE)
                .body("detail", containsString("not UTF-8"));
        asChecker().contentType("application/pdf").body("%PDF-1.7".getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/batches")
                .then().statusCode(415).contentType(Problem.MEDIA_TYPE);
    }

    /** The batch path and the single-check API give the same decision, rate, duty and headings for each shipment. */
    @Test
    void batchResultsEqualSingleChecksThroughTheApi() throws IOException {
        List<String> requests = Files.readAllLines(Path.of("src/test/resources/batch/orders.ndjson")).subList(0, 3);
        List<String> results = asChecker().contentType("application/x-ndjson").accept("application/x-ndjson")
                .body(String.join("\n", requests).getBytes(StandardCharsets.UTF_8))
                .when().post("/api/v1/batches").then().statusCode(200).extract().asString().lines().toList();
        for (int i = 0; i < requests.size(); i++) {
            JsonPath single = asChecker().contentType("application/json").body(requests.get(i))
                    .when().post("/api/v1/checks").then().statusCode(200).extract().jsonPath();
            JsonPath batch = JsonPath.from(results.get(i));
            assertEquals(single.getString("decision"), batch.getString("decision"));
            assertEquals(new BigDecimal(single.getString("additionalDutyRate")).compareTo(
                    new BigDecimal(batch.getString("additionalDutyRate"))), 0);
            assertEquals(new BigDecimal(single.getString("additionalDuty")).compareTo(
                    new BigDecimal(batch.getString("additionalDuty"))), 0);
            List<String> headings = single.<String>getList("findings.findAll { it.kind == 'TARIFF' || it.kind == 'EXEMPTION' }"
                    + ".chapter99").stream().distinct().toList();
            assertEquals(headings, batch.getList("measures") == null ? List.of() : batch.getList("measures"));
        }
    }
}
