package io.tradecheck.pack;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * The gaps a specialist said are meant: comment lines {@code # gap-ok: MEASURE-ID [first day of the gap]} in any
 * table of the pack (in an XLSX table: that text in the first cell of a row). Without a date, every gap of the
 * measure is acknowledged.
 */
public final class GapAcknowledgements {
    public static final GapAcknowledgements NONE = new GapAcknowledgements(List.of());

    private static final Pattern LINE = Pattern.compile(
            "^\\s*#\\s*gap-ok\\s*:?\\s*([A-Z0-9][A-Z0-9_.-]*)(?:\\s+(\\d{4}-\\d{2}-\\d{2}))?", Pattern.CASE_INSENSITIVE);

    private record Acknowledgement(String measureId, LocalDate day) {
    }

    private final List<Acknowledgement> entries;

    private GapAcknowledgements(List<Acknowledgement> entries) {
        this.entries = entries;
    }

    public static GapAcknowledgements read(RulePackSource source) {
        List<Acknowledgement> entries = new ArrayList<>();
        for (RuleFile file : source.files()) {
            if (!file.isTable()) {
                continue;
            }
            for (String comment : comments(file)) {
                Matcher m = LINE.matcher(comment);
                if (m.find()) {
                    LocalDate day = null;
                    try {
                        day = m.group(2) == null ? null : LocalDate.parse(m.group(2));
                    } catch (DateTimeParseException e) {
                        continue;
                    }
                    entries.add(new Acknowledgement(m.group(1).toUpperCase(), day));
                }
            }
        }
        return new GapAcknowledgements(List.copyOf(entries));
    }

    public boolean covers(String measureId, LocalDate gapFrom, LocalDate gapTo) {
        return entries.stream().anyMatch(a -> a.measureId().equals(measureId)
                && (a.day() == null || (!a.day().isBefore(gapFrom) && !a.day().isAfter(gapTo))));
    }

    private static List<String> comments(RuleFile file) {
        if (file.path().endsWith(".xlsx")) {
            List<String> firstCells = new ArrayList<>();
            try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
                if (workbook.getNumberOfSheets() > 0) {
                    for (Row row : workbook.getSheetAt(0)) {
                        String first = XlsxTable.text(row.getCell(0));
                        if (first.trim().startsWith("#")) {
                            firstCells.add(first);
                        }
                    }
                }
            } catch (IOException | RuntimeException e) {
                // An unreadable workbook is reported by the table reader; it acknowledges nothing.
            }
            return firstCells;
        }
        return new String(file.content(), StandardCharsets.UTF_8).lines()
                .filter(l -> l.replace("\uFEFF", "").trim().startsWith("#")).toList();
    }
}
