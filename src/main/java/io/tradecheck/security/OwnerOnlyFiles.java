package io.tradecheck.security;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The service's own files (decision log, batch results, rule versions, users, uploads) readable by the service's
 * account only: folders 0700, files 0600. Where the file system has no POSIX permissions (Windows), the folder's ACL
 * applies and these are no-ops.
 */
public final class OwnerOnlyFiles {
    static final Set<PosixFilePermission> FOLDER = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> FILE = PosixFilePermissions.fromString("rw-------");
    private static final boolean POSIX = FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

    private OwnerOnlyFiles() {
    }

    /** Like {@link Files#createDirectories}, each folder created 0700. */
    public static Path createDirectories(Path dir) throws IOException {
        if (!POSIX) {
            return Files.createDirectories(dir);
        }
        FileAttribute<Set<PosixFilePermission>> mode = PosixFilePermissions.asFileAttribute(FOLDER);
        return Files.createDirectories(dir, mode);
    }

    /** Opens a file for writing (created, or truncated), made 0600 before the first byte is written. */
    public static OutputStream newOutputStream(Path file) throws IOException {
        if (POSIX) {
            if (!Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(FILE));
            } else {
                Files.setPosixFilePermissions(file, FILE);
            }
        }
        return Files.newOutputStream(file);
    }

    public static void write(Path file, byte[] content) throws IOException {
        try (OutputStream out = newOutputStream(file)) {
            out.write(content);
        }
    }

    /**
     * Makes {@code dir} and everything under it owner-only: folders 0700, files 0600 (symbolic links are not
     * followed). Run at start-up on the data folder, so that files written by earlier versions, or by the embedded
     * database with the process umask, are closed too.
     *
     * @return how many entries had to be changed
     */
    public static int restrictTree(Path dir) throws IOException {
        createDirectories(dir);
        if (!POSIX) {
            return 0;
        }
        int changed = 0;
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : walk.toList()) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Set<PosixFilePermission> wanted = Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? FOLDER : FILE;
                try {
                    if (!Files.getPosixFilePermissions(p, LinkOption.NOFOLLOW_LINKS).equals(wanted)) {
                        Files.setPosixFilePermissions(p, wanted);
                        changed++;
                    }
                } catch (IOException e) {
                    // A file deleted meanwhile (a finished upload): nothing to protect.
                }
            }
        }
        return changed;
    }
}
