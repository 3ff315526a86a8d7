package io.tradecheck.batch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * How many order lines a file holds, for progress ("lines done of total") before the lines are read. Text files:
 * line breaks counted at disk speed, less the CSV header (a line break inside a quoted value counts once too many).
 * XLSX: the sheet's declared dimension, when the writer recorded one. -1 when unknown.
 */
public final class LineEstimate {
    private static final Pattern DIMENSION = Pattern.compile("<(?:\\w+:)?dimension ref=\"[A-Z]+(\\d+)(?::[A-Z]+(\\d+))?\"");

    private LineEstimate() {
    }

    public static long of(Path file, OrderFormat format) {
        try {
            return switch (format) {
                case CSV -> Math.max(0, lines(file) - 1);
                case NDJSON -> lines(file);
                case XLSX -> xlsxRows(file);
            };
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    private static long lines(Path file) throws IOException {
        long lines = 0;
        int last = '\n';
        byte[] buffer = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            int n;
            while ((n = in.read(buffer)) > 0) {
                for (int i = 0; i < n; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
                last = buffer[n - 1];
            }
        }
        return last == '\n' ? lines : lines + 1;
    }

    /** Rows of the first sheet less the header, from {@code <dimension ref="A1:L1001"/>} near the top of its XML. */
    private static long xlsxRows(Path file) throws IOException {
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry sheet = zip.getEntry("xl/worksheets/sheet1.xml");
            if (sheet == null) {
                return -1;
            }
            try (InputStream in = zip.getInputStream(sheet)) {
                String head = new String(in.readNBytes(4096), StandardCharsets.UTF_8);
                Matcher m = DIMENSION.matcher(head);
                if (!m.find()) {
                    return -1;
                }
                long rows = Long.parseLong(m.group(2) != null ? m.group(2) : m.group(1));
                return Math.max(0, rows - 1);
            }
        }
    }
}
