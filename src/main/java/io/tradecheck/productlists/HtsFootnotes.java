package io.tradecheck.productlists;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * The Chapter 99 headings each HTS line's footnotes point to ("See 9903.88.15."), read from a USITC JSON export
 * (shared/data/usitc-hts/hts_*.json.gz) with Jackson's streaming parser, one line object at a time.
 *
 * @param byLine HTS digits (8 or 10, as USITC prints the line) to the Chapter 99 headings its footnotes cite
 */
public record HtsFootnotes(TreeMap<String, Set<String>> byLine) {
    private static final Pattern HEADING = Pattern.compile("99\\d\\d\\.\\d\\d\\.\\d\\d");
    private static final ObjectMapper JSON = new ObjectMapper();

    public static HtsFootnotes read(Path jsonGz) {
        TreeMap<String, Set<String>> byLine = new TreeMap<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(jsonGz));
             JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array of HTS lines");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode line = JSON.readTree(parser);
                String htsno = line.path("htsno").asText("").replace(".", "");
                JsonNode notes = line.path("footnotes");
                if (htsno.isEmpty() || !notes.isArray()) {
                    continue;
                }
                for (JsonNode note : notes) {
                    Matcher m = HEADING.matcher(note.path("value").asText(""));
                    while (m.find()) {
                        byLine.computeIfAbsent(htsno, k -> new TreeSet<>()).add(m.group());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read USITC JSON " + jsonGz, e);
        }
        return new HtsFootnotes(byLine);
    }

    /** The 8-digit subheadings whose line (8-digit, or a merged 8/10-digit line) cites {@code heading}. */
    public Set<String> subheadingsCiting(String heading) {
        Set<String> codes = new TreeSet<>();
        byLine.forEach((line, headings) -> {
            if (headings.contains(heading) && line.length() >= 8) {
                codes.add(line.substring(0, 8));
            }
        });
        return codes;
    }
}
