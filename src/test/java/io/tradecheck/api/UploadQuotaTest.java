package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static io.tradecheck.security.TestUsers.withKey;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.tradecheck.security.TestUsers;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before: one checker's slow uploads each held a worker thread for as long as they liked, until sign-ins and health
 * checks timed out. Now a caller has a few uploads in progress at most; the next is refused at once.
 */
@QuarkusTest
class UploadQuotaTest {

    @Test
    void aCallersSlowUploadsAreCappedAndOthersAreNotHeldUp() throws Exception {
        List<Socket> slow = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                slow.add(startSlowUpload());
            }
            Thread.sleep(1000); // the four are being spooled, a byte at a time
            long start = System.nanoTime();
            asChecker().contentType("text/csv").body(BatchResourceTest.ORDERS_CSV).when().post("/api/v1/batches")
                    .then().statusCode(429).contentType(Problem.MEDIA_TYPE).header("Retry-After", "5");
            assertTrue(System.nanoTime() - start < 10_000_000_000L, "refused at once, not queued");
            // Another caller is not held up by them.
            withKey(TestUsers.CHECKER_KEY).contentType("text/csv").body(BatchResourceTest.ORDERS_CSV)
                    .when().post("/api/v1/batches").then().statusCode(200);
            RestAssured.given().when().get("/q/health/live").then().statusCode(200);
        } finally {
            for (Socket s : slow) {
                s.close();
            }
        }
    }

    /** A POST whose body never finishes arriving. */
    private static Socket startSlowUpload() throws IOException {
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), RestAssured.port);
        OutputStream out = socket.getOutputStream();
        String auth = Base64.getEncoder().encodeToString("test-checker:checker-secret".getBytes(StandardCharsets.UTF_8));
        out.write(("POST /api/v1/batches HTTP/1.1\r\nHost: localhost\r\nAuthorization: Basic " + auth
                + "\r\nContent-Type: text/csv\r\nAccept: text/csv\r\nContent-Length: 100000\r\n\r\n"
                + "reference,originCountry\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
        return socket;
    }
}
