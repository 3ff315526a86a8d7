package io.tradecheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import javax.xml.parsers.ParserConfigurationException;
import org.apache.poi.openxml4j.exceptions.OpenXML4JException;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;

/**
 * Streams one sheet of an XLSX workbook with POI's event (SAX) reader, so the sheet is never loaded as a whole.
 * The first non-empty row is the header. Date cells read as ISO dates, number cells as the number itself (not as
 * the cell's display format: "10,000.00" would not read back as a number); line numbers are the spreadsheet's row
 * numbers. The workbook's shared-strings table is held in memory, as POI does; it grows with the distinct texts.
 */
final class XlsxOrderReader implements OrderReader {
    private final OPCPackage pkg;
    private final XSSFReader workbook;
    private final int sheetIndex;
    private final String sheetName;
    private final RequestColumns columns;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;

    private XlsxOrderReader(OPCPackage pkg, XSSFReader workbook, ReadOnlySharedStringsTable strings, StylesTable styles,
                            int sheetIndex, String sheetName, RequestColumns columns) {
        this.pkg = pkg;
        this.workbook = workbook;
        this.strings = strings;
        this.styles = styles;
        this.sheetIndex = sheetIndex;
        this.sheetName = sheetName;
        this.columns = columns;
    }

    static XlsxOrderReader open(Path file, String sheet) throws IOException {
        OPCPackage pkg;
        try {
            pkg = OPCPackage.open(file.toFile(), PackageAccess.READ);
        } catch (OpenXML4JException | IllegalArgumentException e) {
            throw new OrderFileException("Not a readable XLSX workbook: " + e.getMessage(), e);
        }
        try {
            XSSFReader workbook = new XSSFReader(pkg);
            ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg, false);
            StylesTable styles = workbook.getStylesTable();
            List<String> names = new ArrayList<>();
            int index = -1;
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) workbook.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream ignored = sheets.next()) {
                    names.add(sheets.getSheetName());
                    if (index < 0 && (sheet == null || sheets.getSheetName().equalsIgnoreCase(sheet.strip()))) {
                        index = names.size() - 1;
                    }
                }
            }
            if (index < 0) {
                throw new OrderFileException(names.isEmpty() ? "The workbook has no sheet"
                        : "No sheet named '" + sheet + "'; the workbook has: " + String.join(", ", names));
            }
            XlsxOrderReader reader = new XlsxOrderReader(pkg, workbook, strings, styles, index, names.get(index), null);
            List<String> header = reader.header();
            return new XlsxOrderReader(pkg, workbook, strings, styles, index, names.get(index),
                    RequestColumns.of(header, false));
        } catch (OpenXML4JException | SAXException | RuntimeException e) {
            pkg.revert();
            if (e instanceof OrderFileException o) {
                throw o;
            }
            throw new OrderFileException("Not a readable XLSX workbook: " + e.getMessage(), e);
        }
    }

    @Override
    public List<String> columns() {
        return columns.names();
    }

    /** The cells of the first non-empty row, read by stopping the parse there. */
    private List<String> header() throws IOException, OpenXML4JException, SAXException {
        List<String> header = new ArrayList<>();
        try {
            parse(new RowHandler(Integer.MAX_VALUE, List.of()) {
                @Override
                void row(int rowNumber, String[] cells, List<LineError> errors) {
                    header.addAll(Arrays.asList(cells));
                    throw new StopParsing();
                }
            });
        } catch (StopParsing done) {
            return header;
        }
        throw new OrderFileException("Sheet '" + sheetName + "' is empty: it needs a header row and order lines");
    }

    @Override
    public void forEachLine(Consumer<OrderLine> sink) throws IOException {
        try {
            parse(new RowHandler(columns.size(), columns.names()) {
                boolean headerSeen;

                @Override
                void row(int rowNumber, String[] cells, List<LineError> errors) {
                    if (!headerSeen) {
                        headerSeen = true;
                        return;
                    }
                    OrderLine line = columns.toLine(rowNumber, cells);
                    if (!errors.isEmpty()) {
                        List<LineError> all = new ArrayList<>(errors);
                        all.addAll(line.errors());
                        line = OrderLine.unreadable(rowNumber, line.reference(), all);
                    }
                    sink.accept(line);
                }
            });
        } catch (OpenXML4JException | SAXException e) {
            throw new IOException("XLSX sheet '" + sheetName + "' could not be read: " + e.getMessage(), e);
        }
    }

    private void parse(RowHandler rows) throws IOException, OpenXML4JException, SAXException {
        XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) workbook.getSheetsData();
        for (int i = 0; i < sheetIndex; i++) {
            sheets.next().close();
        }
        try (InputStream sheet = sheets.next()) {
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(styles, null, strings, rows, new PlainValues(), false));
            parser.parse(new InputSource(sheet));
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pkg.revert(); // opened read-only: nothing to save
    }

    /** Collects the cells of each row by column; hands over rows that have any value. */
    private abstract static class RowHandler implements XSSFSheetXMLHandler.SheetContentsHandler {
        private final int width;
        private final List<String> names;
        private String[] cells;
        private List<LineError> errors;
        private int nextColumn;

        RowHandler(int width, List<String> names) {
            this.width = width;
            this.names = names;
        }

        abstract void row(int rowNumber, String[] cells, List<LineError> errors);

        @Override
        public void startRow(int rowNum) {
            cells = new String[Math.min(width, 64)];
            errors = new ArrayList<>(0);
            nextColumn = 0;
        }

        @Override
        public void endRow(int rowNum) {
            for (String c : cells) {
                if (c != null && !c.isBlank()) {
                    row(rowNum + 1, cells, errors);
                    return;
                }
            }
            if (!errors.isEmpty()) {
                row(rowNum + 1, cells, errors);
            }
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = reference == null ? nextColumn : new CellReference(reference).getCol();
            nextColumn = column + 1;
            if (value == null) {
                return;
            }
            if (column >= cells.length) {
                if (value.isBlank()) {
                    return;
                }
                cells = Arrays.copyOf(cells, Math.max(column + 1, cells.length * 2));
            }
            if (value.startsWith("ERROR:")) {
                errors.add(new LineError(column < names.size() ? names.get(column)
                        : "column " + CellReference.convertNumToColString(column),
                        "the cell holds the spreadsheet error " + value.substring("ERROR:".length())));
                return;
            }
            cells[column] = value;
        }
    }

    /** Numbers as numbers (15 significant digits, as Excel shows them), dates as yyyy-MM-dd. */
    private static final class PlainValues extends DataFormatter {
        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904Windowing).toLocalDate().toString();
            }
            return new BigDecimal(value, MathContext.DECIMAL64).round(new MathContext(15)).stripTrailingZeros().toPlainString();
        }
    }

    private static final class StopParsing extends RuntimeException {
        StopParsing() {
            super(null, null, false, false);
        }
    }
}
