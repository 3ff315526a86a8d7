package io.tradecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

/** The running service: its data folder and the decision-log database file are its own account's only. */
@QuarkusTest
class DataFolderPermissionsTest {
    @ConfigProperty(name = "tradecheck.data.dir")
    Path data;

    @Test
    void theDecisionLogAndItsFolderAreNotReadableByOthers() throws Exception {
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data)));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(data.resolve("tradecheck.mv.db"))));
    }
}
