package io.tradecheck.productlists;

import io.tradecheck.pack.CsvTable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The shared data folder (shared/data) the lists are generated from: reads a source file and says where it came from
 * (path under the folder and sha256), so every list records its provenance.
 */
public final class TrackerData {
    private final Path root;

    public TrackerData(Path root) {
        if (!Files.isDirectory(root.resolve("product-lists"))) {
            throw new IllegalArgumentException(root + " is not the shared data folder (no product-lists/ in it)");
        }
        this.root = root;
    }

    public Path root() {
        return root;
    }

    public Path path(String relative) {
        return root.resolve(relative);
    }

    /** The file as a table (header row, '#' comment lines skipped). */
    public CsvTable table(String relative) {
        try {
            return CsvTable.parse(Files.readAllBytes(path(relative)));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(relative), e);
        }
    }

    /** The non-blank lines of a text file, trimmed. */
    public List<String> lines(String relative) {
        try {
            // ISO-8859-1 reads any byte: the notes text has a few stray non-UTF-8 bytes (dashes), never inside a code.
            return Files.readAllLines(path(relative), java.nio.charset.StandardCharsets.ISO_8859_1).stream().map(String::trim).filter(l -> !l.isEmpty()).toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(relative), e);
        }
    }

    /** "path sha256:hex", the provenance of one source file. */
    public String provenance(String relative) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            return relative + " sha256:" + HexFormat.of().formatHex(sha.digest(Files.readAllBytes(path(relative))));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + path(relative), e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
