package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.io.ByteArrayInputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import org.junit.jupiter.api.Test;

/** Size limits and hostile values at the pre-check: 413 or 400 as problem+json, quickly, never a 5xx or a hang. */
@QuarkusTest
class BodySizeLimitsTest {
    @TestHTTPResource("/api/v1/checks")
    URI checks;

    static String padded(int bytes) {
        String base = Payloads.read("checks/china-geneva-2025-06-01.json");
        return base.replaceFirst("\\{", "{" + " ".repeat(bytes - base.length()));
    }

    @Test
    void aCheckLargerThan64KiBIsRefusedBeforeItIsRead() {
        asChecker().contentType(ContentType.JSON).body(padded(65 * 1024))
                .when().post("/api/v1/checks")
                .then().statusCode(413).contentType("application/problem+json")
                .body("status", equalTo(413)).body("detail", containsString("65536 bytes"));
    }

    @Test
    void aCheckJustUnderTheLimitIsAnswered() {
        asChecker().contentType(ContentType.JSON).body(padded(60 * 1024))
                .when().post("/api/v1/checks")
                .then().statusCode(200).body("decision", equalTo("DUTIABLE"));
    }

    @Test
    void aChunkedCheckWithoutLengthIsCutAtTheLimitToo() throws Exception {
        byte[] body = padded(200 * 1024).getBytes(StandardCharsets.UTF_8);
        HttpRequest request = HttpRequest.newBuilder(checks).timeout(Duration.ofSeconds(20))
                .header("Content-Type", "application/json")
                .header("Authorization", "Basic " + Base64.getEncoder().encodeToString("test-checker:checker-secret".getBytes()))
                // An InputStream publisher has no known length, so the client sends the body chunked.
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();
        HttpResponse<String> response = HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofString());
        assertEquals(413, response.statusCode(), response.body());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        assertTrue(response.body().contains("\"status\":413"), response.body());
    }

    @Test
    void aDeclaredBodyOverTheServerWideLimitIsRefusedOnAnyRouteWithoutReadingIt() throws Exception {
        // A raw request: it declares 50 MiB and sends none of it; the answer must come at once.
        try (Socket socket = new Socket(checks.getHost(), checks.getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream().write(("POST /api/v1/anything HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: " + (50L * 1024 * 1024) + "\r\n\r\n{")
                    .getBytes(StandardCharsets.US_ASCII));
            // The server closes the connection after answering, so reading to the end returns.
            String response = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(response.startsWith("HTTP/1.1 413"), response);
            assertTrue(response.toLowerCase().contains("content-type: application/problem+json"), response);
            assertTrue(response.contains("20971520 bytes"), response);
        }
    }

    @Test
    void aDecimalThatWouldMakeRoundingExplodeIsRejected() {
        for (String field : new String[]{"customsValue", "mfnRate"}) {
            String body = Payloads.read("checks/china-geneva-2025-06-01.json")
                    .replace("\"currency\"", "\"" + (field.equals("mfnRate") ? "mfnRate\": 1e-999999999, \"currency" : "currency"))
                    .replace("\"customsValue\": 10000", field.equals("customsValue") ? "\"customsValue\": 1e-999999999" : "\"customsValue\": 10000");
            asChecker().contentType(ContentType.JSON).body(body)
                    .when().post("/api/v1/checks")
                    .then().statusCode(400).contentType("application/problem+json")
                    .body("errors[0].field", equalTo(field));
        }
    }

    @Test
    void deepNestingIsRejected() {
        String deep = "[".repeat(100_000) + "]".repeat(100_000);
        asChecker().contentType(ContentType.JSON).body(deep.substring(0, Math.min(deep.length(), 60_000)))
                .when().post("/api/v1/checks")
                .then().statusCode(400).contentType("application/problem+json");
    }
}
