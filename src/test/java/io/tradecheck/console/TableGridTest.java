package io.tradecheck.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TableGridTest {
    private static final String TABLE = """
            measureId,kind,origin,rate,from,to,title
            # a comment the edit keeps
            M-1,TARIFF,CN,10,2025-01-01,2025-12-31,"Ten, with a comma"
            M-2,TARIFF,JP,5,2025-03-01,,Five
            """;

    private static TableGrid grid() {
        return TableGrid.parse(TABLE.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void rowsCarryTheirFileLinesAsValidationNamesThem() {
        TableGrid g = grid();
        assertEquals(3, g.rows().get(0).line());
        assertEquals(4, g.rows().get(1).line());
        assertEquals("Ten, with a comma", g.rows().get(0).cell(g.column("title")));
    }

    @Test
    void aRateChangeEndDatesTheOldRowAndAddsANewOne() {
        String out = new String(grid().changeRate(3, "12", LocalDate.parse("2025-06-01")), StandardCharsets.UTF_8);
        assertEquals("""
                measureId,kind,origin,rate,from,to,title
                # a comment the edit keeps
                M-1,TARIFF,CN,10,2025-01-01,2025-05-31,"Ten, with a comma"
                M-1,TARIFF,CN,12,2025-06-01,2025-12-31,"Ten, with a comma"
                M-2,TARIFF,JP,5,2025-03-01,,Five
                """, out);
    }

    @Test
    void aChangeOnTheFirstDayWouldOverwriteTheOldRateAndIsRefused() {
        TableGrid.EditRefused e = assertThrows(TableGrid.EditRefused.class,
                () -> grid().changeRate(3, "12", LocalDate.parse("2025-01-01")));
        assertEquals("from", e.column());
        assertTrue(e.getMessage().contains("never overwritten"), e.getMessage());
    }

    @Test
    void endDatingOnlyShortensARow() {
        String out = new String(grid().endDate(4, LocalDate.parse("2025-09-30")), StandardCharsets.UTF_8);
        assertTrue(out.contains("M-2,TARIFF,JP,5,2025-03-01,2025-09-30,Five"), out);
        assertThrows(TableGrid.EditRefused.class, () -> grid().endDate(3, LocalDate.parse("2026-01-31")));
        assertThrows(TableGrid.EditRefused.class, () -> grid().endDate(3, LocalDate.parse("2024-12-31")));
    }

    @Test
    void anAddedRowGoesAfterItsMeasure() {
        String out = new String(grid().add(Map.of("measureId", "M-1", "kind", "TARIFF", "origin", "CN", "rate", "15",
                "from", "2026-01-01", "title", "Fifteen")), StandardCharsets.UTF_8);
        assertEquals(TABLE.replace("comma\"\n", "comma\"\nM-1,TARIFF,CN,15,2026-01-01,,Fifteen\n"), out);
    }

    @Test
    void semicolonTablesStaySemicolonTables() {
        TableGrid g = TableGrid.parse("measureId;rate;from;to\nM;1,5;2025-01-01;\n".getBytes(StandardCharsets.UTF_8));
        String out = new String(g.changeRate(2, "2,5", LocalDate.parse("2025-02-01")), StandardCharsets.UTF_8);
        assertEquals("measureId;rate;from;to\nM;1,5;2025-01-01;2025-01-31\nM;2,5;2025-02-01;\n", out);
    }
}
