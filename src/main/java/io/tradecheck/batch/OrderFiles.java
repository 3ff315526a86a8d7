package io.tradecheck.batch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Opens an order file: decides its format, rejects at once what cannot be an order file (binary, legacy .xls, UTF-16,
 * text that is not UTF-8, no header), and returns a streaming reader for the rest.
 *
 * <p>Encoding is checked strictly on the first {@value #SNIFF_BYTES} bytes, which is where a file saved in the wrong
 * encoding shows it; a stray invalid byte further on becomes an error for its line only, so it cannot abort a file
 * that was already half answered.
 */
public final class OrderFiles {
    static final int SNIFF_BYTES = 64 * 1024;
    private static final byte[] ZIP = {'P', 'K', 3, 4};
    private static final byte[] OLE2 = {(byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0};
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private OrderFiles() {
    }

    /**
     * @param declared the format the caller says it is (media type, file extension), or null to go by the content
     * @param sheet    for XLSX: the sheet to read; null for the first
     */
    public static OrderReader open(Path file, OrderFormat declared, String sheet) throws IOException {
        InputStream in;
        try {
            in = Files.newInputStream(file);
        } catch (NoSuchFileException e) {
            throw new OrderFileException("No such file: " + file);
        }
        BufferedInputStream buffered = new BufferedInputStream(in, SNIFF_BYTES);
        try {
            byte[] prefix = prefix(buffered);
            OrderFormat format = formatOf(prefix, declared);
            if (format == OrderFormat.XLSX) {
                buffered.close();
                return XlsxOrderReader.open(file, sheet);
            }
            return openText(buffered, prefix, format);
        } catch (RuntimeException | IOException e) {
            buffered.close();
            throw e;
        }
    }

    private static OrderReader openText(BufferedInputStream in, byte[] prefix, OrderFormat format) throws IOException {
        int skip = startsWith(prefix, UTF8_BOM) ? UTF8_BOM.length : 0;
        checkUtf8(prefix, skip);
        in.skipNBytes(skip);
        // Malformed bytes past the checked prefix become U+FFFD, which the line readers report for their line.
        Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        String text = new String(prefix, skip, prefix.length - skip, StandardCharsets.UTF_8);
        return format == OrderFormat.NDJSON ? new NdjsonOrderReader(reader) : CsvOrderReader.open(reader, firstLine(text));
    }

    /** What the content is, checked against what it was declared to be. */
    static OrderFormat formatOf(byte[] prefix, OrderFormat declared) {
        if (prefix.length == 0) {
            throw new OrderFileException("The file is empty");
        }
        if (startsWith(prefix, ZIP)) {
            if (declared != null && declared != OrderFormat.XLSX) {
                throw new OrderFileException("The file is a ZIP package (an XLSX workbook?), not " + declared
                        + ": send it as " + OrderFormat.XLSX_TYPE);
            }
            return OrderFormat.XLSX;
        }
        if (startsWith(prefix, OLE2)) {
            throw new OrderFileException("The file is a legacy Excel .xls (or another OLE2 document), which is not "
                    + "supported: save it as .xlsx or as CSV UTF-8");
        }
        if (declared == OrderFormat.XLSX) {
            throw new OrderFileException("The file is not an XLSX workbook (an XLSX file is a ZIP package)");
        }
        if (startsWith(prefix, new byte[]{(byte) 0xFF, (byte) 0xFE}) || startsWith(prefix, new byte[]{(byte) 0xFE, (byte) 0xFF})) {
            throw new OrderFileException("The file is UTF-16 text: save it as UTF-8 (in Excel: CSV UTF-8)");
        }
        if (startsWith(prefix, "%PDF".getBytes(StandardCharsets.US_ASCII))) {
            throw new OrderFileException("The file is a PDF, not a CSV, XLSX or NDJSON order file");
        }
        for (byte b : prefix) {
            if (b == 0) {
                throw new OrderFileException("The file is binary (or UTF-16 text), not a CSV, XLSX or NDJSON order file");
            }
        }
        String text = new String(prefix, StandardCharsets.UTF_8).stripLeading();
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1).stripLeading();
        }
        if (text.isEmpty()) {
            throw new OrderFileException("The file is empty");
        }
        boolean jsonLike = text.startsWith("{") || text.startsWith("[");
        if (declared == OrderFormat.NDJSON && !jsonLike) {
            throw new OrderFileException("Not NDJSON: each line must be one JSON object with the request fields; "
                    + "the file starts with '" + RequestColumns.shorten(firstLine(text)) + "'");
        }
        if (declared == OrderFormat.CSV && jsonLike) {
            throw new OrderFileException("Not CSV: the file starts with JSON; send NDJSON as " + OrderFormat.NDJSON_TYPE);
        }
        if (declared != null) {
            return declared;
        }
        return jsonLike ? OrderFormat.NDJSON : OrderFormat.CSV;
    }

    /** Rejects text that is not UTF-8, naming the line of the first bad byte (Windows-1252 exports show it at once). */
    static void checkUtf8(byte[] prefix, int from) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer bytes = ByteBuffer.wrap(prefix, from, prefix.length - from);
        CharBuffer chars = CharBuffer.allocate(prefix.length);
        CoderResult result = decoder.decode(bytes, chars, false); // false: a sequence cut at the prefix end is fine
        if (result.isError()) {
            int at = bytes.position();
            int line = 1;
            for (int i = from; i < at; i++) {
                if (prefix[i] == '\n') {
                    line++;
                }
            }
            throw new OrderFileException(String.format("The file is not UTF-8 text (byte 0x%02X on line %d): save it "
                    + "as UTF-8 (in Excel: CSV UTF-8)", prefix[at] & 0xFF, line),
                    new CharacterCodingException());
        }
    }

    private static byte[] prefix(BufferedInputStream in) {
        try {
            in.mark(SNIFF_BYTES);
            byte[] prefix = in.readNBytes(SNIFF_BYTES);
            in.reset();
            return prefix;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String firstLine(String text) {
        int nl = text.indexOf('\n');
        String line = nl < 0 ? text : text.substring(0, nl);
        return line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
    }

    private static boolean startsWith(byte[] data, byte[] magic) {
        return data.length >= magic.length && Arrays.equals(data, 0, magic.length, magic, 0, magic.length);
    }
}
