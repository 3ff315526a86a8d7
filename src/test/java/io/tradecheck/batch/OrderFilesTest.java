package io.tradecheck.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** A file that cannot be an order file is refused as a whole, with one clear reason, before any line is checked. */
class OrderFilesTest {

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(delimiter = '|', value = {
            "not-utf8.csv       | not UTF-8 text (byte 0xE9 on line 2)",
            "utf16.csv          | UTF-16",
            "no-header.csv      | No header row",
            "unknown-column.csv | unknown column 'orgin' (did you mean 'originCountry'?)",
            "missing-column.csv | required column(s) missing: customsValue",
            "legacy.xls         | legacy Excel .xls",
            "binary.bin         | binary",
            "empty.csv          | empty",
    })
    void anUnreadableFileGetsOneClearError(String file, String expected) {
        OrderFileException e = assertThrows(OrderFileException.class, () -> TestRules.read(file));
        assertTrue(e.getMessage().contains(expected), e.getMessage());
    }

    @Test
    void aFileDeclaredAsOneFormatButHoldingAnotherIsRefused() {
        OrderFileException xlsxAsCsv = assertThrows(OrderFileException.class,
                () -> OrderFiles.open(TestRules.DATA.resolve("orders.xlsx"), OrderFormat.CSV, null));
        assertTrue(xlsxAsCsv.getMessage().contains("ZIP package"), xlsxAsCsv.getMessage());
        OrderFileException csvAsNdjson = assertThrows(OrderFileException.class,
                () -> OrderFiles.open(TestRules.DATA.resolve("orders.csv"), OrderFormat.NDJSON, null));
        assertTrue(csvAsNdjson.getMessage().startsWith("Not NDJSON"), csvAsNdjson.getMessage());
        OrderFileException csvAsXlsx = assertThrows(OrderFileException.class,
                () -> OrderFiles.open(TestRules.DATA.resolve("orders.csv"), OrderFormat.XLSX, null));
        assertTrue(csvAsXlsx.getMessage().contains("not an XLSX"), csvAsXlsx.getMessage());
    }

    @Test
    void aHeaderWithoutLinesIsAnEmptyBatchNotAnError() throws IOException {
        assertEquals(List.of(), TestRules.read("header-only.csv"));
    }

    @Test
    void theFormatFollowsTheContentWhenNothingIsDeclared() throws IOException {
        try (OrderReader ndjson = OrderFiles.open(TestRules.DATA.resolve("orders.ndjson"), null, null)) {
            assertTrue(ndjson instanceof NdjsonOrderReader);
        }
        try (OrderReader xlsx = OrderFiles.open(TestRules.DATA.resolve("orders.xlsx"), null, null)) {
            assertTrue(xlsx instanceof XlsxOrderReader);
        }
        try (OrderReader csv = OrderFiles.open(Path.of("examples/orders.csv"), null, null)) {
            assertTrue(csv instanceof CsvOrderReader);
        }
    }

    @Test
    void linesAreEstimatedForProgressWithoutReadingThem() {
        assertEquals(11, LineEstimate.of(TestRules.DATA.resolve("orders.csv"), OrderFormat.CSV));
        assertEquals(4, LineEstimate.of(TestRules.DATA.resolve("orders.ndjson"), OrderFormat.NDJSON));
        assertEquals(5, LineEstimate.of(TestRules.DATA.resolve("orders.xlsx"), OrderFormat.XLSX));
    }
}
