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
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/**
 * The article description of every numbered HTS line with the descriptions of the lines above it (by indent), read
 * from a USITC JSON export with Jackson's streaming parser: what the schedule itself says a provision covers, e.g.
 * "Seats: Seats of a kind used for motor vehicles" for 9401.20.00.
 */
final class HtsDescriptions {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One numbered line: its digits (a merged 8/10-digit line has 10) and its description path. */
    private record Line(String digits, String path) {
    }

    private final List<Line> lines;

    private HtsDescriptions(List<Line> lines) {
        this.lines = lines;
    }

    static HtsDescriptions read(Path jsonGz) {
        List<Line> lines = new ArrayList<>();
        List<String> above = new ArrayList<>();
        try (InputStream in = new GZIPInputStream(Files.newInputStream(jsonGz));
             JsonParser parser = JSON.getFactory().createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException("not a JSON array of HTS lines");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode line = JSON.readTree(parser);
                int indent = line.path("indent").asInt(0);
                while (above.size() > indent) {
                    above.remove(above.size() - 1);
                }
                while (above.size() < indent) {
                    above.add("");
                }
                String description = line.path("description").asText("");
                String digits = line.path("htsno").asText("").replace(".", "");
                if (!digits.isEmpty()) {
                    lines.add(new Line(digits, String.join(" | ", above) + " | " + description));
                }
                above.add(description);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read USITC JSON " + jsonGz, e);
        }
        return new HtsDescriptions(lines);
    }

    /**
     * What the schedule says about a provision (4 to 10 digits): the description path of its own line (an 8-digit
     * provision printed as a merged 8/10-digit line included), else the path above its first subordinate line; empty
     * when the schedule has no such provision.
     */
    String text(String provision) {
        for (Line line : lines) {
            if (line.digits().equals(provision) || (provision.length() == 8 && line.digits().equals(provision + "00"))) {
                return line.path();
            }
        }
        for (Line line : lines) {
            if (line.digits().startsWith(provision)) {
                int own = line.path().lastIndexOf(" | ");
                return own < 0 ? "" : line.path().substring(0, own);
            }
        }
        return "";
    }
}
