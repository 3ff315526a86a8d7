package io.tradecheck.schedule;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;

/**
 * Reads a USITC HTS JSON export ({@code .json} or {@code .json.gz}: one array of line objects with htsno, indent,
 * description, units, general, special, other, footnotes ...) and merges it, as the revision in force from its
 * effective date, into the dated nomenclature: a row that the new revision states the same way stays open, one that
 * changed or disappeared is closed on the day before, and each new or changed row opens. Revisions go in date order,
 * one after the other, so importing next month's revision is one more call.
 *
 * <p>USITC's quirks: text headers have an empty htsno (they are kept under the number of the next line); some 8- and
 * 10-digit numbers are merged into one line ("8471.30.01.00"); the Chapter 99 links are footnote text ("See
 * 9903.88.15.", "See note 16 to subchapter III, chapter 99."); the additional-duties keys (one spelt
 * "addiitionalDuties") are empty and not read; HTML markup that some exports put in the text (italics,
 * superscripts) is removed, so that a revision with markup and one without state the same line the same way.
 */
public final class HtsImporter {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern CH99_NUMBER = Pattern.compile("\\b99\\d{2}\\.\\d{2}(?:\\.\\d{2}){0,2}\\b");
    private static final Pattern CH99_NOTE = Pattern.compile(
            "note (\\d+)[^ ]* to subchapter ([IVX]+),? (?:of )?chapter 99", Pattern.CASE_INSENSITIVE);
    private static final Pattern SPACES = Pattern.compile("\\s+");
    /** Some exports mark up italics, superscripts and breaks in HTML and some do not: the text is compared without. */
    private static final Pattern BREAK = Pattern.compile("<(?:br|newline)\\s*/?>", Pattern.CASE_INSENSITIVE);
    private static final Pattern TAG = Pattern.compile("</?[a-zA-Z][^<>]*>");

    /** The rows of one export, in file order, undated; {@code sha256} is that of the file as given (compressed or not). */
    public record Export(List<HtsRow> rows, String sha256) {
    }

    /** The nomenclature after a merge, and what changed. */
    public record Merged(List<HtsRow> rows, List<Nomenclature.Revision> revisions, int opened, int closed) {
    }

    private HtsImporter() {
    }

    public static Export read(Path file) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        String sha256 = HexFormat.of().formatHex(sha256().digest(bytes));
        InputStream raw = new java.io.ByteArrayInputStream(bytes);
        try (InputStream in = file.getFileName().toString().endsWith(".gz") ? new GZIPInputStream(raw, 1 << 16) : raw) {
            return new Export(read(in, file.getFileName().toString()), sha256);
        }
    }

    /** The rows of an export read from a stream (JSON, not compressed), in file order. */
    public static List<HtsRow> read(InputStream json, String name) throws IOException {
        List<HtsRow> rows = new ArrayList<>(40_000);
        List<JsonNode> headers = new ArrayList<>();
        try (JsonParser parser = new JsonFactory(JSON).createParser(json)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IOException(name + ": not a USITC HTS export (expected a JSON array of lines)");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonNode line = parser.readValueAsTree();
                String htsno = text(line, "htsno");
                if (htsno.isEmpty()) {
                    headers.add(line);
                    continue;
                }
                if (!htsno.matches("\\d{4}(\\.\\d{2}){0,3}")) {
                    throw new IOException(name + ": htsno '" + htsno + "' is not an HTS number");
                }
                for (JsonNode header : headers) {
                    rows.add(new HtsRow(htsno, true, indent(header), null, null, content(header)));
                }
                headers.clear();
                rows.add(new HtsRow(htsno, false, indent(line), null, null, content(line)));
            }
        }
        return rows;
    }

    /**
     * Merges one revision into the nomenclature. Its effective date must be after every revision already in; the
     * same revision again (same name and file digest) changes nothing.
     */
    public static Merged merge(List<HtsRow> existing, List<Nomenclature.Revision> revisions,
                               Nomenclature.Revision next, List<HtsRow> nextRows) {
        for (Nomenclature.Revision r : revisions) {
            if (r.name().equals(next.name())) {
                if (r.sha256().equals(next.sha256())) {
                    return new Merged(existing, revisions, 0, 0);
                }
                throw new IllegalArgumentException("revision " + next.name() + " is already imported from a different file ("
                        + r.file() + ", sha256 " + r.sha256() + ")");
            }
            if (!r.effectiveDate().isBefore(next.effectiveDate())) {
                throw new IllegalArgumentException("revision " + next.name() + " takes effect on " + next.effectiveDate()
                        + ", not after " + r.name() + " (" + r.effectiveDate() + ") which is already imported: import "
                        + "revisions in date order, or re-import all of them into an empty folder");
            }
        }
        LocalDate day = next.effectiveDate();
        Map<String, Integer> open = new HashMap<>();
        List<HtsRow> rows = new ArrayList<>(existing.size() + 1000);
        for (HtsRow r : existing) {
            if (r.to() == null) {
                open.put(r.key(), rows.size());
            }
            rows.add(r);
        }
        Set<String> seen = new java.util.HashSet<>();
        int opened = 0;
        int closed = 0;
        for (HtsRow n : nextRows) {
            if (!seen.add(n.key())) {
                throw new IllegalArgumentException(next.file() + ": line " + n.key() + " appears twice");
            }
            Integer at = open.get(n.key());
            if (at != null) {
                HtsRow current = rows.get(at);
                if (current.indent() == n.indent() && current.content().equals(n.content())) {
                    continue;
                }
                rows.set(at, current.closedOn(day.minusDays(1)));
                closed++;
            }
            rows.add(new HtsRow(n.code(), n.header(), n.indent(), day, null, n.content()));
            opened++;
        }
        for (Map.Entry<String, Integer> e : open.entrySet()) {
            if (!seen.contains(e.getKey())) {
                rows.set(e.getValue(), rows.get(e.getValue()).closedOn(day.minusDays(1)));
                closed++;
            }
        }
        List<Nomenclature.Revision> all = new ArrayList<>(revisions);
        all.add(next);
        return new Merged(rows, all, opened, closed);
    }

    private static HtsRow.Content content(JsonNode line) {
        List<String> units = new ArrayList<>();
        line.path("units").forEach(u -> {
            String unit = clean(u.asText(""));
            if (!unit.isEmpty()) {
                units.add(unit);
            }
        });
        Set<String> refs = new LinkedHashSet<>();
        line.path("footnotes").forEach(f -> {
            String value = f.path("value").asText("");
            Matcher number = CH99_NUMBER.matcher(value);
            while (number.find()) {
                refs.add(number.group());
            }
            Matcher note = CH99_NOTE.matcher(value);
            while (note.find()) {
                refs.add("note " + note.group(1) + " (" + note.group(2) + ")");
            }
        });
        return new HtsRow.Content(clean(text(line, "description")), String.join(", ", units), clean(text(line, "general")),
                clean(text(line, "special")), clean(text(line, "other")), String.join(";", refs));
    }

    private static int indent(JsonNode line) {
        String indent = text(line, "indent");
        return indent.isEmpty() ? 0 : Integer.parseInt(indent);
    }

    private static String text(JsonNode line, String field) {
        JsonNode v = line.get(field);
        return v == null || v.isNull() ? "" : v.asText().strip();
    }

    private static String clean(String text) {
        String plain = text.indexOf('<') < 0 ? text : TAG.matcher(BREAK.matcher(text).replaceAll(" ")).replaceAll("");
        return SPACES.matcher(plain).replaceAll(" ").strip();
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
