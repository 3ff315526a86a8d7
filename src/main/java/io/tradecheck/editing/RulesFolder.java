package io.tradecheck.editing;

import io.tradecheck.pack.RuleFile;
import io.tradecheck.pack.RulePackSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * The rules folder on disk ({@code tradecheck.rules.dir}). After an activation or a rollback it is made to mirror the
 * version in force, so that the next in-place edit starts from what is live instead of silently undoing it. Files
 * are replaced by an atomic rename, never written in place; documentation and hidden files are left alone.
 */
public final class RulesFolder {
    private final Path dir;

    public RulesFolder(Path dir) {
        this.dir = dir;
    }

    public Path dir() {
        return dir;
    }

    public RulePackSource read() {
        return RulePackSource.fromDirectory(dir);
    }

    /**
     * Makes the folder hold exactly the files of {@code target} (rule-pack files only). If a write fails, the files
     * already changed are put back as {@code before} had them, so the folder is never left half one version.
     */
    public void mirror(RulePackSource before, RulePackSource target) {
        Map<String, RuleFile> wanted = new HashMap<>();
        target.files().forEach(f -> wanted.put(f.path(), f));
        Map<String, RuleFile> present = new HashMap<>();
        before.files().forEach(f -> present.put(f.path(), f));
        try {
            for (RuleFile file : target.files()) {
                RuleFile old = present.get(file.path());
                if (old == null || !Arrays.equals(old.content(), file.content())) {
                    write(file);
                }
            }
            for (RuleFile old : before.files()) {
                if (!wanted.containsKey(old.path())) {
                    Files.deleteIfExists(dir.resolve(old.path()));
                }
            }
        } catch (IOException | RuntimeException e) {
            restore(before, target);
            throw new UncheckedIOException("cannot write the rules folder " + dir + ": " + e.getMessage(),
                    e instanceof IOException io ? io : new IOException(e));
        }
    }

    private void restore(RulePackSource before, RulePackSource target) {
        for (RuleFile file : before.files()) {
            try {
                write(file);
            } catch (IOException ignored) {
                // best effort: the original failure is what gets reported
            }
        }
        for (RuleFile file : target.files()) {
            if (before.files().stream().noneMatch(f -> f.path().equals(file.path()))) {
                try {
                    Files.deleteIfExists(dir.resolve(file.path()));
                } catch (IOException ignored) {
                    // best effort
                }
            }
        }
    }

    private void write(RuleFile file) throws IOException {
        Path target = dir.resolve(file.path()).normalize();
        if (!target.startsWith(dir.normalize())) {
            throw new IOException("path outside the rules folder: " + file.path());
        }
        Files.createDirectories(target.getParent());
        Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName(), ".tmp");
        try {
            Files.write(temp, file.content());
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }
}
