package io.tradecheck.pack;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.tradecheck.engine.RuleSet;
import io.tradecheck.model.Decision;
import io.tradecheck.model.Shipment;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.function.UnaryOperator;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A table saved as XLSX goes through the same reader and checks as its CSV twin. */
class XlsxTableTest {
    private static final String FENTANYL = "us-import/ieepa-fentanyl-china";

    @TempDir
    Path dir;

    @Test
    void aTableSavedAsXlsxGivesTheSameDecisionsAsItsCsv() throws IOException {
        RulePackCompilerTest.copy(RulePackCompilerTest.BUNDLED, dir);
        RuleSet fromCsv = new RulePackCompiler().compile(RulePackSource.fromDirectory(dir));
        replaceWithXlsx(UnaryOperator.identity());
        RuleSet fromXlsx = new RulePackCompiler().compile(RulePackSource.fromDirectory(dir));

        assertEquals(fromCsv.info().counts().tableRows(), fromXlsx.info().counts().tableRows());
        for (String date : List.of("2025-02-03", "2025-02-04", "2025-03-04", "2025-06-01", "2025-11-10")) {
            Shipment ball = new Shipment("x", "CN", null, "US", "9506624040", null, BigDecimal.valueOf(1000), "USD",
                    null, LocalDate.parse(date), null);
            Decision csv = fromCsv.check(ball);
            Decision xlsx = fromXlsx.check(ball);
            assertEquals(csv.additionalDutyRate(), xlsx.additionalDutyRate(), date);
            assertEquals(csv.findings().stream().map(f -> f.ruleId() + f.rate()).toList(),
                    xlsx.findings().stream().map(f -> f.ruleId() + f.rate()).toList(), date);
        }
        assertTrue(fromXlsx.info().files().stream().anyMatch(f -> f.path().equals(FENTANYL + ".xlsx")
                && f.kind().equals("table")));
    }

    @Test
    void aBadCellInAnXlsxTableIsReportedWithItsRowAndColumn() throws IOException {
        RulePackCompilerTest.copy(RulePackCompilerTest.BUNDLED, dir);
        replaceWithXlsx(cell -> cell.equals("9903.01.24") ? "9903.1.24" : cell);
        RulePackException e = assertThrows(RulePackException.class,
                () -> new RulePackCompiler().compile(RulePackSource.fromDirectory(dir)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals(FENTANYL + ".xlsx") && p.line() >= 2
                && "chapter99".equals(p.column()) && p.message().contains("9903.1.24")), e.getMessage());
    }

    @Test
    void anEmptySheetIsAnError() throws IOException {
        RulePackCompilerTest.copy(RulePackCompilerTest.BUNDLED, dir);
        try (XSSFWorkbook workbook = new XSSFWorkbook(); var out = Files.newOutputStream(dir.resolve("us-import/empty.xlsx"))) {
            workbook.createSheet("Sheet1");
            workbook.write(out);
        }
        RulePackException e = assertThrows(RulePackException.class,
                () -> new RulePackCompiler().compile(RulePackSource.fromDirectory(dir)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("us-import/empty.xlsx")
                && p.message().contains("empty")), e.getMessage());
    }

    @Test
    void aFileThatIsNotAWorkbookIsAnError() throws IOException {
        RulePackCompilerTest.copy(RulePackCompilerTest.BUNDLED, dir);
        Files.writeString(dir.resolve("us-import/fake.xlsx"), "measureId,family\n");
        RulePackException e = assertThrows(RulePackException.class,
                () -> new RulePackCompiler().compile(RulePackSource.fromDirectory(dir)));
        assertTrue(e.problems().stream().anyMatch(p -> p.file().equals("us-import/fake.xlsx")
                && p.message().contains("not a readable XLSX table")), e.getMessage());
    }

    /**
     * Saves the fentanyl table as a workbook the way a spreadsheet would: dates as date cells, rates as numbers, the
     * rest as text; then removes the CSV.
     */
    private void replaceWithXlsx(UnaryOperator<String> editCell) throws IOException {
        Path csv = dir.resolve(FENTANYL + ".csv");
        CsvTable table = CsvTable.parse(Files.readAllBytes(csv));
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            Sheet sheet = workbook.createSheet("fentanyl");
            CellStyle dateStyle = workbook.createCellStyle();
            dateStyle.setDataFormat(workbook.getCreationHelper().createDataFormat().getFormat("dd/mm/yyyy"));
            Row header = sheet.createRow(0);
            for (int i = 0; i < table.header().size(); i++) {
                header.createCell(i).setCellValue(table.header().get(i));
            }
            int r = 1;
            for (CsvTable.Row row : table.rows()) {
                Row out = sheet.createRow(r++);
                for (int i = 0; i < table.header().size(); i++) {
                    String column = table.header().get(i);
                    String value = editCell.apply(row.get(column));
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (column.equals("rate")) {
                        out.createCell(i).setCellValue(Double.parseDouble(value));
                    } else if (List.of("from", "to", "resumesOn").contains(column)) {
                        var cell = out.createCell(i);
                        cell.setCellValue(LocalDate.parse(value));
                        cell.setCellStyle(dateStyle);
                    } else {
                        out.createCell(i).setCellValue(value);
                    }
                }
            }
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            workbook.write(bytes);
            Files.write(dir.resolve(FENTANYL + ".xlsx"), bytes.toByteArray());
        }
        Files.delete(csv);
    }
}
