package io.tradecheck.pack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The files of a rule pack, read once, in path order, with a SHA-256 per file and one digest over them all. The digest
 * identifies the content: two folders with the same files give the same digest wherever they are.
 */
public record RulePackSource(String origin, List<RuleFile> files, String digest) {

    /** What counts as rule-pack content; README and other docs do not change a decision, so they are not digested. */
    private static final Set<String> EXTENSIONS = Set.of(".drl", ".csv", ".xlsx", ".yaml", ".yml", ".properties");

    public static RulePackSource fromDirectory(Path dir) {
        if (!Files.isDirectory(dir)) {
            throw new RulePackException(List.of(new RulePackProblem(dir.toString(), 0, null,
                    "rules folder not found (set tradecheck.rules.dir)")));
        }
        List<RuleFile> files = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.filter(Files::isRegularFile).sorted(Comparator.comparing(Path::toString)).toList()) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (isContent(rel)) {
                    files.add(file(rel, Files.readAllBytes(p)));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rules folder " + dir, e);
        }
        return of(dir.toAbsolutePath().normalize().toString(), files);
    }

    public static RulePackSource of(String origin, List<RuleFile> files) {
        List<RuleFile> sorted = files.stream().sorted(Comparator.comparing(RuleFile::path)).toList();
        MessageDigest all = sha256();
        for (RuleFile f : sorted) {
            all.update(f.path().getBytes(StandardCharsets.UTF_8));
            all.update((byte) 0);
            all.update(f.sha256().getBytes(StandardCharsets.UTF_8));
            all.update((byte) '\n');
        }
        return new RulePackSource(origin, sorted, "sha256:" + HexFormat.of().formatHex(all.digest()));
    }

    /** The first line (1-based) of file {@code path} containing {@code text}; 0 when there is none. */
    public int lineOf(String path, String text) {
        if (text == null || text.isBlank()) {
            return 0;
        }
        RuleFile file = files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
        List<String> lines = file == null ? List.of() : new String(file.content(), StandardCharsets.UTF_8).lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).contains(text)) {
                return i + 1;
            }
        }
        return 0;
    }

    public static RuleFile file(String path, byte[] content) {
        return new RuleFile(path, content, HexFormat.of().formatHex(sha256().digest(content)));
    }

    public static boolean isContent(String relativePath) {
        if (relativePath.startsWith(".") || relativePath.contains("/.")) {
            return false;
        }
        int dot = relativePath.lastIndexOf('.');
        return dot >= 0 && EXTENSIONS.contains(relativePath.substring(dot));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
