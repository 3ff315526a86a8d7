package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.tradecheck.model.CheckRequest;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch path decides exactly what single checks decide: the same shipments, written as CSV and as NDJSON and run
 * in parallel chunks, give line for line the result that {@code ShipmentChecker.check} gives one request at a time.
 */
class BatchEquivalenceTest {
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    @Test
    void batchResultsEqualSingleChecksForTheSameShipments(@TempDir Path dir) throws IOException {
        List<CheckRequest> shipments = ShipmentSamples.generate(new Random(42), 3 * BatchPipeline.CHUNK + 17);
        Path csv = dir.resolve("orders.csv");
        Path ndjson = dir.resolve("orders.ndjson");
        try (Writer out = Files.newBufferedWriter(csv)) {
            ShipmentSamples.writeCsv(shipments, out);
        }
        try (Writer out = Files.newBufferedWriter(ndjson)) {
            for (CheckRequest r : shipments) {
                out.write(JSON.writeValueAsString(r));
                out.write('\n');
            }
        }
        List<LineResult> expected = new ArrayList<>();
        for (int i = 0; i < shipments.size(); i++) {
            CheckRequest single = shipments.get(i);
            expected.add(TestRules.VALIDATOR.validate(single).isEmpty()
                    ? LineResult.of(0, TestRules.checker().check(single)) : null);
        }
        compare(expected, TestRules.run(csv).results(), 2);
        compare(expected, TestRules.run(ndjson).results(), 1);
    }

    private static void compare(List<LineResult> expected, List<LineResult> actual, int firstLine) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            LineResult want = expected.get(i);
            LineResult got = actual.get(i);
            assertEquals(firstLine + i, got.line());
            if (want == null) {
                assertEquals(LineResult.ERROR, got.decision(), got.toString());
                continue;
            }
            assertEquals(new LineResult(got.line(), want.reference(), want.decision(), want.additionalDutyRate(),
                    want.additionalDuty(), want.currency(), want.measures(), want.column(), want.reason(), want.mfnRate(),
                    want.totalDutyRate(), want.totalDuty()), got);
        }
    }
}
