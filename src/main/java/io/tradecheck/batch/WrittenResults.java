package io.tradecheck.batch;

import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The results an interrupted job had written ({@code results.ndjson}, one line per order line, in file order): how
 * many there are and what they came to, so that the job can go on after them. A line cut in half by a crash is dropped
 * (it is checked again).
 */
final class WrittenResults {
    private static final ObjectReader LINES = JsonMapper.builder().build().readerFor(LineResult.class);

    private WrittenResults() {
    }

    /** Drops a trailing partial line, then counts the results into a tally. */
    static BatchSummary.Tally tally(Path results) throws IOException {
        BatchSummary.Tally tally = new BatchSummary.Tally(null);
        if (!Files.exists(results)) {
            return tally;
        }
        truncateToLastNewline(results);
        try (var lines = LINES.<LineResult>readValues(results.toFile())) {
            while (lines.hasNextValue()) {
                tally.add(lines.nextValue());
            }
        }
        return tally;
    }

    /** The number of complete results in the file (0 when there is none). */
    static long count(Path results) {
        if (!Files.exists(results)) {
            return 0;
        }
        try (var lines = Files.lines(results)) {
            return lines.filter(l -> l.endsWith("}")).count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void truncateToLastNewline(Path file) throws IOException {
        try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "rw")) {
            long end = f.length();
            while (end > 0) {
                f.seek(end - 1);
                if (f.read() == '\n') {
                    break;
                }
                end--;
            }
            f.setLength(end);
        }
    }
}
