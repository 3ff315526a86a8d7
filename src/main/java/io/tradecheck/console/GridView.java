package io.tradecheck.console;

import io.tradecheck.pack.RulePackProblem;
import java.util.ArrayList;
import java.util.List;

/**
 * A table's rows ready for a page: each cell with the validation error that names it, if any, so the error is shown
 * on its cell. Errors naming a row but no known column go on the row's first cell.
 */
public record GridView(List<String> header, List<GridRow> rows, int errorCount) {
    public record Cell(String text, String error) {
        /** Long texts (explanations) shortened for the grid; the full text is in the file. */
        public String display() {
            return text.length() > 80 ? text.substring(0, 79) + "…" : text;
        }
    }

    public record GridRow(int line, List<Cell> cells, String rate, String from, String to) {
        public boolean hasError() {
            return cells.stream().anyMatch(c -> c.error() != null);
        }
    }

    static GridView of(TableGrid grid, List<TableGrid.Row> rows, String file, List<RulePackProblem> problems) {
        List<GridRow> out = new ArrayList<>();
        int errors = 0;
        for (TableGrid.Row row : rows) {
            List<Cell> cells = new ArrayList<>();
            for (int c = 0; c < grid.header().size(); c++) {
                cells.add(new Cell(row.cell(c), null));
            }
            for (RulePackProblem p : problems) {
                if (!file.equals(p.file()) || p.line() != row.line()) {
                    continue;
                }
                int c = p.column() == null ? -1 : grid.column(p.column());
                int at = c < 0 ? 0 : c;
                Cell old = cells.get(at);
                cells.set(at, new Cell(old.text(), old.error() == null ? p.message() : old.error() + "; " + p.message()));
                errors++;
            }
            out.add(new GridRow(row.line(), cells, cell(grid, row, "rate"), cell(grid, row, "from"), cell(grid, row, "to")));
        }
        return new GridView(grid.header(), out, errors);
    }

    private static String cell(TableGrid grid, TableGrid.Row row, String column) {
        int c = grid.column(column);
        return c < 0 ? "" : row.cell(c).strip();
    }
}
