package io.tradecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UserDirectoryTest {
    @TempDir
    Path dir;

    private UserDirectory directory(Path file, boolean generate) {
        UserDirectory d = new UserDirectory();
        d.usersFile = file;
        d.generateUsers = generate;
        d.load();
        return d;
    }

    @Test
    void aFreshInstallGetsOneUserPerRoleAndAKeyWithHashedSecretsOnly() throws Exception {
        Path file = dir.resolve("data/users.properties");
        directory(file, true);

        UsersFile users = UsersFile.read(file);
        assertEquals(Set.of("checker", "rule-editor", "auditor"), users.users().keySet());
        users.users().values().forEach(u -> assertTrue(u.secretHash().startsWith("pbkdf2-sha256:600000:"), u.toString()));
        assertEquals(1, users.apiKeys().size());
        assertEquals(Set.of(Roles.CHECKER), users.apiKeys().values().iterator().next().roles());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains("tc_"), "an API key in clear");
    }

    @Test
    void anExistingFileIsNeverRegenerated() throws Exception {
        Path file = dir.resolve("users.properties");
        directory(file, true);
        String first = Files.readString(file);
        directory(file, true);
        assertEquals(first, Files.readString(file));
    }

    @Test
    void withGenerationOffAMissingFileStopsTheStart() {
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> directory(dir.resolve("missing.properties"), false));
        assertTrue(e.getMessage().contains("generate-users=false"));
    }

    @Test
    void passwordsAndKeysAreCheckedAgainstTheirHashes() {
        Path file = dir.resolve("users.properties");
        UsersFile.write(file, List.of(new UsersFile.Entry("anna", Set.of("checker", "auditor"),
                        SecretHash.hashPassword("correct horse battery", 1000))),
                List.of(new UsersFile.Entry("erp", Set.of("checker"), SecretHash.hashApiKey("tc_abc"))), "test");
        UserDirectory d = directory(file, false);

        assertEquals(Set.of("checker", "auditor"), d.login("anna", "correct horse battery").orElseThrow().roles());
        assertTrue(d.login("anna", "correct horse battery").isPresent(), "second login, from the cache");
        assertTrue(d.login("anna", "wrong").isEmpty());
        assertTrue(d.login("bob", "correct horse battery").isEmpty());
        assertEquals("erp", d.apiKey("tc_abc").orElseThrow().name());
        assertTrue(d.apiKey("tc_abd").isEmpty());
    }
}
