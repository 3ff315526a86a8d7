package io.tradecheck.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The first sheet of an XLSX workbook read as a {@link CsvTable}, so a table saved from a spreadsheet as .xlsx goes
 * through exactly the same checks as its .csv twin. Line numbers are the spreadsheet's row numbers.
 *
 * <p>Cells are read as a specialist sees them: a date cell becomes {@code yyyy-MM-dd}, a number its plain digits
 * ({@code 125}, {@code 7.5}), a formula its cached value. An HS prefix with a leading zero must be a text cell.
 */
public final class XlsxTable {
    private XlsxTable() {
    }

    public static CsvTable parse(byte[] bytes) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            if (workbook.getNumberOfSheets() == 0) {
                throw new IOException("the workbook has no sheet");
            }
            Sheet sheet = workbook.getSheetAt(0);
            List<String> header = null;
            List<CsvTable.Row> rows = new ArrayList<>();
            for (Row row : sheet) {
                List<String> cells = cells(row);
                if (cells.stream().allMatch(String::isBlank) || cells.get(0).startsWith("#")) {
                    continue;
                }
                if (header == null) {
                    header = cells.stream().map(String::trim).toList();
                    continue;
                }
                Map<String, String> byName = new LinkedHashMap<>();
                for (int i = 0; i < cells.size(); i++) {
                    byName.put(i < header.size() ? header.get(i) : "#" + (i + 1), cells.get(i));
                }
                rows.add(new CsvTable.Row(row.getRowNum() + 1, byName));
            }
            if (header == null) {
                throw new IOException("the first sheet '" + sheet.getSheetName() + "' is empty");
            }
            return new CsvTable(header, rows);
        } catch (RuntimeException e) {
            // POI throws unchecked exceptions for files that are not workbooks (NotOfficeXmlFileException, ...).
            throw new IOException("not an XLSX workbook (" + e.getMessage() + ")", e);
        }
    }

    private static List<String> cells(Row row) {
        List<String> cells = new ArrayList<>();
        for (int i = 0; i < Math.max(row.getLastCellNum(), 0); i++) {
            cells.add(text(row.getCell(i)));
        }
        if (cells.isEmpty()) {
            cells.add("");
        }
        return cells;
    }

    static String text(Cell cell) {
        if (cell == null) {
            return "";
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> cell.getStringCellValue();
            case BOOLEAN -> String.valueOf(cell.getBooleanCellValue());
            case NUMERIC -> DateUtil.isCellDateFormatted(cell)
                    ? LocalDate.from(cell.getLocalDateTimeCellValue()).toString()
                    : plain(cell.getNumericCellValue());
            default -> "";
        };
    }

    private static String plain(double value) {
        BigDecimal d = BigDecimal.valueOf(value).stripTrailingZeros();
        return d.scale() < 0 ? d.setScale(0).toPlainString() : d.toPlainString();
    }
}
