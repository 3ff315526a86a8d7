package io.tradecheck.api;

import static io.tradecheck.security.TestUsers.asChecker;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Random and mutated order files (CSV and NDJSON) at the synchronous batch endpoint: flipped bytes, cut lines, odd
 * separators and quotes, formula-like cells, huge cells, deep JSON, unicode. Never a 5xx, every error problem+json,
 * and no formula from the input comes back as a live spreadsheet formula. Bounded by count and time.
 */
@QuarkusTest
class BatchFuzzTest {
    static final long SEED = 4242L;
    static final int CASES = 300;
    static final long TIME_CAP_MILLIS = 90_000;

    private final Random random = new Random(SEED);
    private final ObjectMapper json = new ObjectMapper();

    @Test
    void noOrderFileMakesTheServiceFailOrHang() throws Exception {
        String csv = Files.readString(Path.of("src/test/resources/batch/orders.csv"));
        String ndjson = Files.readString(Path.of("src/test/resources/batch/orders.ndjson"));
        long started = System.currentTimeMillis();
        int done = 0;
        for (; done < CASES && System.currentTimeMillis() - started < TIME_CAP_MILLIS; done++) {
            boolean isCsv = random.nextBoolean();
            String body = mutate(isCsv ? csv : ndjson, isCsv);
            String accept = isCsv ? "text/csv" : random.nextBoolean() ? "application/x-ndjson" : "application/json";
            Response r = asChecker().config(CheckFuzzTest.TIMEOUTS)
                    .contentType(isCsv ? "text/csv" : "application/x-ndjson").accept(accept)
                    .body(body.getBytes(StandardCharsets.UTF_8)).when().post("/api/v1/batches");
            String what = "case " + done + " (" + (isCsv ? "CSV" : "NDJSON") + ", " + body.length() + " chars): "
                    + body.substring(0, Math.min(200, body.length())).replaceAll("\\s+", " ");
            if (r.statusCode() >= 500) {
                fail(what + " -> " + r.statusCode() + " " + r.asString());
            }
            if (r.statusCode() >= 300) {
                assertTrue(r.contentType().startsWith("application/problem+json"), what + " -> " + r.statusCode());
                JsonNode problem = json.readTree(r.asString());
                assertEquals(r.statusCode(), problem.path("status").asInt(), what);
            } else if (accept.equals("text/csv")) {
                for (String line : r.asString().split("\r?\n")) {
                    for (String cell : line.split(",")) {
                        String c = cell.startsWith("\"") ? cell.substring(1) : cell;
                        assertTrue(c.isEmpty() || "=+@".indexOf(c.charAt(0)) < 0, what + ": live formula in " + line);
                    }
                }
            }
        }
        System.out.printf("Batch fuzz: %d cases in %d ms, seed %d%n", done, System.currentTimeMillis() - started, SEED);
        assertTrue(done >= 50, "too few cases within the time cap: " + done);
    }

    private String mutate(String base, boolean csv) {
        List<String> lines = new java.util.ArrayList<>(base.lines().toList());
        int edits = 1 + random.nextInt(6);
        for (int i = 0; i < edits; i++) {
            int at = random.nextInt(lines.size());
            String line = lines.get(at);
            switch (random.nextInt(9)) {
                case 0 -> lines.set(at, line.substring(0, random.nextInt(line.length() + 1)));
                case 1 -> lines.remove(at == 0 && lines.size() > 1 ? 1 : at);
                case 2 -> lines.add(at, line);
                case 3 -> lines.set(at, insert(line, pick(csv ? "\",;\t\r\n'" : "{}[]\":,\\")));
                case 4 -> lines.set(at, insert(line, pick(List.of("=cmd|' /C calc'!A0", "+1+1", "@SUM(A1)", "-2+3",
                        "=HYPERLINK(\"http://x\")", "\u202e\u200b", "\ud83d\ude00", "中国"))));
                case 5 -> lines.set(at, insert(line, "x".repeat(1000 + random.nextInt(50_000))));
                case 6 -> lines.add(at, csv ? ",".repeat(random.nextInt(200)) : "[".repeat(2000 + random.nextInt(5000)));
                case 7 -> lines.set(at, line.replace(csv ? "," : ":", csv ? ";" : "="));
                default -> {
                    char[] chars = line.toCharArray();
                    if (chars.length > 0) {
                        chars[random.nextInt(chars.length)] = (char) random.nextInt(0x3000);
                    }
                    lines.set(at, new String(chars));
                }
            }
            if (lines.isEmpty()) {
                lines.add("");
            }
        }
        return String.join(random.nextInt(5) == 0 ? "\r\n" : "\n", lines);
    }

    private String insert(String line, String what) {
        int at = random.nextInt(line.length() + 1);
        return line.substring(0, at) + what + line.substring(at);
    }

    private String pick(String chars) {
        return String.valueOf(chars.charAt(random.nextInt(chars.length())));
    }

    private String pick(List<String> options) {
        return options.get(random.nextInt(options.size()));
    }
}
