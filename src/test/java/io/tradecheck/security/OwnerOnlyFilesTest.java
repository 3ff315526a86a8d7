package io.tradecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OwnerOnlyFilesTest {
    @TempDir
    Path tmp;

    @Test
    void aDataFolderLeftWorldReadableIsClosedAtStart() throws Exception {
        Path data = tmp.resolve("data");
        Path versions = Files.createDirectories(data.resolve("versions/000001/pack"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path log = Files.writeString(data.resolve("tradecheck.mv.db"), "decisions");
        Path rule = Files.writeString(versions.resolve("rates.csv"), "x");
        Files.setPosixFilePermissions(data, PosixFilePermissions.fromString("rwxr-xr-x"));
        Files.setPosixFilePermissions(log, PosixFilePermissions.fromString("rw-r--r--"));
        Files.setPosixFilePermissions(rule, PosixFilePermissions.fromString("rw-r--r--"));

        int changed = OwnerOnlyFiles.restrictTree(data);

        assertEquals("rwx------", mode(data));
        assertEquals("rwx------", mode(versions));
        assertEquals("rw-------", mode(log));
        assertEquals("rw-------", mode(rule));
        assertEquals(true, changed >= 4);
        assertEquals(0, OwnerOnlyFiles.restrictTree(data), "nothing left to change");
    }

    @Test
    void newFilesAreOwnerOnlyFromTheFirstByte() throws Exception {
        Path dir = OwnerOnlyFiles.createDirectories(tmp.resolve("a/b"));
        OwnerOnlyFiles.write(dir.resolve("results.ndjson"), new byte[] {1});
        assertEquals("rwx------", mode(tmp.resolve("a")));
        assertEquals("rw-------", mode(dir.resolve("results.ndjson")));
    }

    @Test
    void theH2PasswordIsGeneratedOnceOwnerOnlyAndAnOlderDatabaseKeepsOpening() throws Exception {
        Path data = tmp.resolve("fresh");
        String first = H2Credentials.readOrCreate(data);
        assertEquals(32, first.length());
        assertEquals(first, H2Credentials.readOrCreate(data));
        assertEquals("rw-------", mode(data.resolve("h2.password")));

        Path old = Files.createDirectories(tmp.resolve("old"));
        Files.writeString(old.resolve("tradecheck.mv.db"), "made without a password");
        assertEquals("", H2Credentials.readOrCreate(old));
    }

    private static String mode(Path p) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(p));
    }
}
