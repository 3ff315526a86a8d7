package io.tradecheck.editing;

import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackProblem;
import io.tradecheck.pack.RulePackSource;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

/**
 * A rule pack as a zip, both ways. Reading is defensive, since the zip comes from outside: no absolute path, no
 * {@code ..}, only rule-pack file types, and limits on entries and on the bytes actually inflated (a zip bomb's headers
 * lie about sizes). A zip of the folder itself ({@code rules/pack.properties, rules/...}) is accepted as well as a zip
 * of its content.
 * Documentation (.md, .txt) and the clutter of archivers ({@code __MACOSX/}, {@code .DS_Store}) are skipped.
 */
public final class PackArchive {
    /** What a draft may contain. */
    public static final Set<String> ALLOWED = Set.of(".csv", ".xlsx", ".drl", ".yaml", ".yml", ".properties");
    private static final Set<String> SKIPPED = Set.of(".md", ".txt");

    /** Limits on one upload. */
    public record Limits(long maxFileBytes, long maxTotalBytes, int maxFiles) {
        public static final Limits DEFAULT = new Limits(5L << 20, 50L << 20, 500);
    }

    private PackArchive() {
    }

    /** The files of a zip, keyed by their path in the pack; all problems are reported together. */
    public static Map<String, RuleFile> read(InputStream zip, Limits limits) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        List<RulePackProblem> problems = new ArrayList<>();
        long total = 0;
        try (ZipInputStream in = new ZipInputStream(zip)) {
            ZipEntry entry;
            while ((entry = in.getNextEntry()) != null) {
                if (entry.isDirectory()) {
                    continue;
                }
                String name = entry.getName().replace('\\', '/');
                if (isClutter(name)) {
                    continue;
                }
                if (entries.size() >= limits.maxFiles()) {
                    throw new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE,
                            "more than " + limits.maxFiles() + " files in the zip", List.of());
                }
                String problem = pathProblem(name);
                if (problem != null) {
                    problems.add(new RulePackProblem(name, 0, null, problem));
                    continue;
                }
                byte[] content = readLimited(in, Math.min(limits.maxFileBytes(), limits.maxTotalBytes() - total), name);
                total += content.length;
                entries.put(name, content);
            }
        } catch (ZipException e) {
            throw new UploadRejectedException(UploadRejectedException.Reason.MALFORMED,
                    "the body is not a readable zip: " + e.getMessage(), List.of());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!problems.isEmpty()) {
            throw new UploadRejectedException(UploadRejectedException.Reason.NOT_ALLOWED,
                    problems.size() + " file(s) in the zip are not allowed", problems);
        }
        if (entries.isEmpty()) {
            throw new UploadRejectedException(UploadRejectedException.Reason.MALFORMED,
                    "the zip holds no rule-pack file (" + String.join(" ", ALLOWED) + ")", List.of());
        }
        return withoutCommonFolder(entries);
    }

    /** One uploaded file: its path must be a clean relative path of an allowed type. */
    public static RuleFile single(String path, InputStream content, Limits limits) {
        String name = path == null ? "" : path.replace('\\', '/');
        String problem = pathProblem(name);
        if (problem != null) {
            throw new UploadRejectedException(UploadRejectedException.Reason.NOT_ALLOWED, problem,
                    List.of(new RulePackProblem(name, 0, null, problem)));
        }
        try {
            return RulePackSource.file(name, readLimited(content, limits.maxFileBytes(), name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Null when {@code path} may be a file of a pack, else why not. */
    public static String pathProblem(String path) {
        if (path.isBlank()) {
            return "a file path is required";
        }
        if (path.startsWith("/") || path.matches("^[A-Za-z]:.*")) {
            return "absolute paths are not allowed; give the path inside the rules folder";
        }
        for (String part : path.split("/")) {
            if (part.equals("..") || part.equals(".") || part.isEmpty()) {
                return "the path must stay inside the rules folder (no '..', '.' or empty parts)";
            }
            if (part.startsWith(".")) {
                return "hidden files and folders are not part of a rule pack";
            }
        }
        if (!path.matches("[A-Za-z0-9_./ -]+")) {
            return "use letters, digits, '-', '_', '.' and spaces in file and folder names";
        }
        int dot = path.lastIndexOf('.');
        String ext = dot < 0 ? "" : path.substring(dot).toLowerCase(Locale.ROOT);
        if (!ALLOWED.contains(ext)) {
            return "only " + String.join(" ", ALLOWED.stream().sorted().toList()) + " files belong in a rule pack";
        }
        return null;
    }

    /** Writes the files of a pack as a zip, paths as in the rules folder. */
    public static void write(RulePackSource source, OutputStream out) throws IOException {
        ZipOutputStream zip = new ZipOutputStream(out);
        for (RuleFile file : source.files()) {
            zip.putNextEntry(new ZipEntry(file.path()));
            zip.write(file.content());
            zip.closeEntry();
        }
        zip.finish();
    }

    private static boolean isClutter(String name) {
        String base = name.substring(name.lastIndexOf('/') + 1);
        int dot = base.lastIndexOf('.');
        String ext = dot < 0 ? "" : base.substring(dot).toLowerCase(Locale.ROOT);
        return name.startsWith("__MACOSX/") || base.equals(".DS_Store") || base.equals("Thumbs.db")
                || base.startsWith("~$") || SKIPPED.contains(ext) || name.startsWith(".git/") || name.contains("/.git/");
    }

    private static byte[] readLimited(InputStream in, long max, String name) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        long read = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            read += n;
            if (read > max) {
                throw new UploadRejectedException(UploadRejectedException.Reason.TOO_LARGE,
                        name + " is larger than the upload limit (" + max + " bytes left)", List.of());
            }
            out.write(buffer, 0, n);
        }
        return out.toByteArray();
    }

    /** "rules/pack.properties", "rules/us-import/x.csv" become "pack.properties", "us-import/x.csv". */
    private static Map<String, RuleFile> withoutCommonFolder(Map<String, byte[]> entries) {
        String first = entries.keySet().iterator().next();
        int slash = first.indexOf('/');
        String prefix = slash < 0 ? null : first.substring(0, slash + 1);
        // Only a zip of the whole folder has its pack.properties one level down; a zip of us-import/ alone keeps its paths.
        boolean common = prefix != null && entries.containsKey(prefix + "pack.properties")
                && entries.keySet().stream().allMatch(n -> n.startsWith(prefix));
        Map<String, RuleFile> files = new LinkedHashMap<>();
        entries.forEach((name, content) -> {
            String path = common ? name.substring(prefix.length()) : name;
            files.put(path, RulePackSource.file(path, content));
        });
        return files;
    }
}
