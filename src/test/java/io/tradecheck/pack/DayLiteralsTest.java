package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DayLiteralsTest {

    @Test
    void aDayCallBecomesItsDayNumberWithTheDateKeptAsAComment() {
        List<RulePackProblem> problems = new ArrayList<>();
        String drl = DayLiterals.fold("logic/x.drl", "Shipment( entryDay >= day(\"2025-06-04\") )", problems);
        assertEquals("Shipment( entryDay >= 20243 /* 2025-06-04 */ )", drl);
        assertEquals(List.of(), problems);
    }

    @Test
    void aDayThatDoesNotExistIsAProblemOnItsLine() {
        List<RulePackProblem> problems = new ArrayList<>();
        DayLiterals.fold("logic/x.drl", "rule \"r\"\nwhen\n  Shipment( entryDay >= day(\"2025-02-30\") )", problems);
        assertEquals(1, problems.size());
        assertEquals(3, problems.get(0).line());
        assertTrue(problems.get(0).message().contains("2025-02-30"));
    }
}
