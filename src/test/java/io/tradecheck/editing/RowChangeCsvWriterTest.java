package io.tradecheck.editing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import io.tradecheck.model.Outcome;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Before: {@code x\n\n=HYPERLINK(...)} was written unquoted, so its last line became a row starting with a formula. */
class RowChangeCsvWriterTest {

    @Test
    void aReferenceWithLineBreaksStaysOneQuotedCellAndNoLineOfItRunsAsAFormula() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (RowChangeCsvWriter writer = new RowChangeCsvWriter(out)) {
            writer.write(change("x\n\n=HYPERLINK(\"http://evil\",\"click\")"));
            writer.write(change(" \n=1+1"));
        }
        List<String[]> rows;
        try (MappingIterator<String[]> it = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY)
                .readerFor(String[].class).readValues(out.toByteArray())) {
            rows = it.readAll();
        }
        assertEquals(3, rows.size(), out.toString());
        assertEquals("x\n\n=HYPERLINK(\"http://evil\",\"click\")", rows.get(1)[1]);
        assertEquals("' \n=1+1", rows.get(2)[1]);
        assertEquals("-1.00", rows.get(1)[9], "a negative number stays a number");
    }

    private static RowChange change(String reference) {
        return new RowChange(2, reference, RowChange.Change.DUTY, Outcome.DUTIABLE, Outcome.DUTIABLE, BigDecimal.ONE,
                BigDecimal.ZERO, new BigDecimal("1.00"), BigDecimal.ZERO, new BigDecimal("-1.00"), "USD", List.of(), List.of(),
                List.of("R1"));
    }
}
