package io.tradecheck.batch;

import io.tradecheck.model.validation.RequestValidation;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Order files carry the request fields that came with the tariff schedule: preferenceProgram, quantity, unit. */
class ScheduleColumnsTest {

    @Test
    void theNewFieldsAreColumnsOfAnOrderFile() throws IOException {
        List<OrderLine> lines = TestRules.read("schedule-columns.csv");
        assertEquals("KR", lines.get(0).request().preferenceProgram());
        assertNull(lines.get(0).request().quantity(), "an empty cell is an absent value");
        assertEquals(new BigDecimal("1000"), lines.get(1).request().quantity());
        assertEquals("liter", lines.get(1).request().unit());
    }

    @Test
    void aBadProgrammeOrQuantityIsALineErrorNamingTheColumn() throws IOException {
        OrderLine bad = TestRules.read("schedule-columns.csv").get(2);
        assertTrue(bad.readable(), bad.errors().toString());
        List<String> fields = RequestValidation.validator().validate(bad.request()).stream()
                .map(v -> v.getPropertyPath().toString()).sorted().toList();
        assertEquals(List.of("preferenceProgram", "quantity"), fields);
    }
}
