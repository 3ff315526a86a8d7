package io.tradecheck.pack;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tradecheck.security.OwnerOnlyFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.CodeSource;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * The packs that passed the whole {@link PackCheck} (scenarios and coverage included) with this very build of the
 * service. A verdict is a function of three things only: the pack's files (its digest), the code that compiles and runs
 * it, and the coverage mode; scenarios never depend on today's date ({@link ScenarioRunner} requires an entry date). So a
 * restart on a pack that passed with the same build compiles it but does not run its ~700 scenarios again, which is
 * about half of the start-up time.
 *
 * <p>The build is the SHA-256 of the application jar this class was loaded from and the names (with versions) of its
 * libraries; run from a classes folder (tests,
 * {@code quarkus dev}) there is no jar and nothing is remembered, so every start checks in full. Only passing verdicts
 * are kept (a failing pack is always checked again), in owner-only files under the data folder, the newest few.
 */
public final class PassedPacks {
    private static final Logger LOG = Logger.getLogger(PassedPacks.class);
    private static final int KEEP = 8;
    private static final ObjectMapper JSON = new ObjectMapper()
            .configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private final Path dir;
    private final String build;

    private PassedPacks(Path dir, String build) {
        this.dir = dir;
        this.build = build;
    }

    /** Remembers nothing: every check runs in full. */
    public static PassedPacks none() {
        return new PassedPacks(null, null);
    }

    /** Verdicts kept in {@code dir} for the build this class comes from (none when not run from a jar). */
    public static PassedPacks in(Path dir) {
        return buildOf(PassedPacks.class).map(build -> new PassedPacks(dir, build)).orElseGet(PassedPacks::none);
    }

    /** For tests: verdicts kept in {@code dir} for a given build identity. */
    static PassedPacks in(Path dir, String build) {
        return new PassedPacks(dir, build);
    }

    /** The passing verdict recorded for this pack, build and coverage mode, if any. */
    Optional<PackVerdict> passed(String digest, PackCheck.Coverage coverage) {
        if (dir == null || digest == null) {
            return Optional.empty();
        }
        Path file = dir.resolve(key(digest, coverage) + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            PackVerdict verdict = JSON.readValue(file.toFile(), PackVerdict.class);
            return verdict.valid() && digest.equals(verdict.digest()) ? Optional.of(verdict) : Optional.empty();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Ignoring the unreadable record of a passed pack %s (%s): the pack is checked in full", file, e);
            return Optional.empty();
        }
    }

    /** Records a passing verdict; a failure to write only costs the next start a full check. */
    void remember(PackVerdict verdict, PackCheck.Coverage coverage) {
        if (dir == null || !verdict.valid() || verdict.digest() == null) {
            return;
        }
        try {
            OwnerOnlyFiles.createDirectories(dir);
            Path file = dir.resolve(key(verdict.digest(), coverage) + ".json");
            Path temp = dir.resolve(file.getFileName() + ".tmp");
            OwnerOnlyFiles.write(temp, JSON.writeValueAsBytes(verdict));
            Files.move(temp, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING,
                    java.nio.file.StandardCopyOption.ATOMIC_MOVE);
            prune();
        } catch (IOException | RuntimeException e) {
            LOG.warnf("Could not record that pack %s passed (%s); the next start checks it in full", verdict.digest(), e);
        }
    }

    private void prune() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            files.filter(f -> f.getFileName().toString().endsWith(".json"))
                    .sorted(Comparator.comparing(PassedPacks::modified).reversed())
                    .skip(KEEP)
                    .forEach(f -> f.toFile().delete());
        }
    }

    private static long modified(Path f) {
        return f.toFile().lastModified();
    }

    private String key(String digest, PackCheck.Coverage coverage) {
        return sha256(build + "\n" + digest + "\n" + coverage);
    }

    static Optional<String> buildOf(Class<?> type) {
        CodeSource code = type.getProtectionDomain().getCodeSource();
        if (code == null || code.getLocation() == null) {
            return Optional.empty();
        }
        try {
            Path jar = Path.of(code.getLocation().toURI());
            if (!Files.isRegularFile(jar)) {
                return Optional.empty();
            }
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            try (InputStream in = Files.newInputStream(jar)) {
                byte[] buffer = new byte[1 << 16];
                for (int n; (n = in.read(buffer)) > 0; ) {
                    sha.update(buffer, 0, n);
                }
            }
            // The libraries too (Drools compiles and runs the logic): in the packaged layout, their file names carry
            // their versions.
            Path libs = jar.getParent() == null || jar.getParent().getParent() == null ? null
                    : jar.getParent().getParent().resolve("lib").resolve("main");
            if (libs != null && Files.isDirectory(libs)) {
                try (Stream<Path> names = Files.list(libs)) {
                    names.map(f -> f.getFileName().toString()).sorted()
                            .forEach(n -> sha.update((n + "\n").getBytes(StandardCharsets.UTF_8)));
                }
            }
            return Optional.of(HexFormat.of().formatHex(sha.digest()));
        } catch (IOException | URISyntaxException | NoSuchAlgorithmException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
