package io.tradecheck.editing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.tradecheck.engine.RuleFile;
import io.tradecheck.engine.RulePackSource;
import io.tradecheck.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The activated versions, newest last, each with the exact files it was made of, so that a rollback replays the same
 * content even after a restart. Kept on disk under {@code <data dir>/versions/<number>/} (a {@code version.json} and
 * the files under {@code pack/}) and in memory (a pack is a few hundred kB at most). Only the last {@code keep}
 * versions are kept; older ones are deleted when a new one is recorded.
 */
public final class VersionHistory {
    private static final Logger LOG = Logger.getLogger(VersionHistory.class);
    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT);

    /** A version with its files. */
    public record Stored(RuleVersion version, RulePackSource source) {
    }

    private final Path dir;
    private final int keep;
    private final List<Stored> versions = new ArrayList<>();

    private VersionHistory(Path dir, int keep) {
        this.dir = dir;
        this.keep = Math.max(1, keep);
    }

    /** Opens (or creates) the history under {@code dataDir/versions}; unreadable entries are skipped with a warning. */
    public static VersionHistory open(Path dataDir, int keep) {
        VersionHistory history = new VersionHistory(dataDir.resolve("versions"), keep);
        history.load();
        return history;
    }

    public synchronized List<RuleVersion> list() {
        return versions.stream().map(Stored::version).toList();
    }

    public synchronized Optional<Stored> get(int number) {
        return versions.stream().filter(s -> s.version().number() == number).findFirst();
    }

    public synchronized Optional<Stored> latest() {
        return versions.isEmpty() ? Optional.empty() : Optional.of(versions.get(versions.size() - 1));
    }

    /** Writes the version (files first, entry last, then an atomic rename), then forgets the oldest beyond keep. */
    public synchronized RuleVersion record(RulePackSource source, String packVersion, String by, String comment,
                                           RuleVersion.How how, Integer restoredFrom, java.time.Instant at) {
        int number = versions.isEmpty() ? 1 : versions.get(versions.size() - 1).version().number() + 1;
        RuleVersion version = new RuleVersion(number, packVersion, source.digest(), at, by, comment, how, restoredFrom,
                source.files().size());
        Path target = dir.resolve(folderName(number));
        Path staging = dir.resolve(".staging-" + number);
        try {
            deleteTree(staging);
            for (RuleFile file : source.files()) {
                Path p = staging.resolve("pack").resolve(file.path());
                OwnerOnlyFiles.createDirectories(p.getParent());
                OwnerOnlyFiles.write(p, file.content());
            }
            OwnerOnlyFiles.createDirectories(staging);
            JSON.writeValue(OwnerOnlyFiles.newOutputStream(staging.resolve("version.json")), version);
            deleteTree(target);
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record rule version " + number + " under " + dir, e);
        }
        versions.add(new Stored(version, RulePackSource.of("version " + number, source.files())));
        while (versions.size() > keep) {
            Stored oldest = versions.remove(0);
            try {
                deleteTree(dir.resolve(folderName(oldest.version().number())));
            } catch (IOException e) {
                LOG.warnf("could not delete old rule version %d: %s", oldest.version().number(), e.getMessage());
            }
        }
        return version;
    }

    /** Forgets a version just recorded whose activation failed (its folder could not be written). */
    synchronized void discard(int number) {
        versions.removeIf(s -> s.version().number() == number);
        try {
            deleteTree(dir.resolve(folderName(number)));
        } catch (IOException e) {
            LOG.warnf("could not delete rule version %d: %s", number, e.getMessage());
        }
    }

    private void load() {
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.filter(p -> p.getFileName().toString().matches("\\d+"))
                    .sorted(Comparator.comparingInt(p -> Integer.parseInt(p.getFileName().toString()))).toList()) {
                try {
                    RuleVersion version = JSON.readValue(entry.resolve("version.json").toFile(), RuleVersion.class);
                    RulePackSource source = RulePackSource.fromDirectory(entry.resolve("pack"));
                    if (!source.digest().equals(version.digest())) {
                        LOG.warnf("rule version %s skipped: its files no longer match digest %s", entry, version.digest());
                        continue;
                    }
                    versions.add(new Stored(version, RulePackSource.of("version " + version.number(), source.files())));
                } catch (IOException | RuntimeException e) {
                    LOG.warnf("rule version %s skipped: %s", entry, e.getMessage());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read rule history " + dir, e);
        }
        while (versions.size() > keep) {
            versions.remove(0);
        }
    }

    private static String folderName(int number) {
        return String.format("%06d", number);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
