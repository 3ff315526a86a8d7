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
        // Random suffixes: the documentation does not give away half of each credential.
        assertEquals(3, users.users().size());
        assertTrue(users.users().keySet().stream().allMatch(n -> n.matches("(checker|rule-editor|auditor)-[0-9a-f]{6}")),
                users.users().keySet().toString());
        assertEquals(Set.of("checker", "rule-editor", "auditor"), users.users().values().stream()
                .flatMap(u -> u.roles().stream()).collect(java.util.stream.Collectors.toSet()));
        assertFalse(UsersFile.read(dir.resolve("data/users.properties")).users().keySet()
                .equals(UsersFile.read(generatedAgain()).users().keySet()), "each install has its own names");
        users.users().values().forEach(u -> assertTrue(u.secretHash().startsWith("pbkdf2-sha256:600000:"), u.toString()));
        assertEquals(1, users.apiKeys().size());
        assertEquals(Set.of(Roles.CHECKER), users.apiKeys().values().iterator().next().roles());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertFalse(Files.readString(file).contains("tc_"), "an API key in clear");
    }

    private Path generatedAgain() {
        Path other = dir.resolve("other/users.properties");
        directory(other, true);
        return other;
    }

    @Test
    void anEmptyUsersFileStopsTheStartWithItsReason() throws Exception {
        Path file = dir.resolve("users.properties");
        Files.writeString(file, "# nobody yet\n");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> directory(file, true));
        assertTrue(e.getMessage().contains("no user and no API key"), e.getMessage());
    }

    @Test
    void aRevokedApiKeyOrRemovedUserStopsWorkingWithoutARestart() throws Exception {
        Path file = dir.resolve("users.properties");
        UsersFile.Entry anna = new UsersFile.Entry("anna", Set.of("checker"), SecretHash.hashPassword("pw-anna-123", 1000));
        UsersFile.Entry erp = new UsersFile.Entry("erp", Set.of("checker"), SecretHash.hashApiKey("tc_erp"));
        UsersFile.Entry wms = new UsersFile.Entry("wms", Set.of("checker"), SecretHash.hashApiKey("tc_wms"));
        UsersFile.write(file, List.of(anna), List.of(erp, wms), "test");
        UserDirectory d = directory(file, false);
        assertTrue(d.apiKey("tc_erp").isPresent());
        assertTrue(d.login("anna", "pw-anna-123").isPresent(), "and now cached");

        Files.delete(file);
        UsersFile.write(file, List.of(), List.of(wms), "erp revoked, anna gone");
        assertTrue(d.reloadIfChanged());
        assertTrue(d.apiKey("tc_erp").isEmpty(), "the revoked key");
        assertTrue(d.login("anna", "pw-anna-123").isEmpty(), "the removed user, though her password was cached");
        assertTrue(d.apiKey("tc_wms").isPresent());

        Files.writeString(file, "garbage without a bar\nuser.x=");
        assertFalse(d.reloadIfChanged(), "a broken file keeps the users in force");
        assertTrue(d.apiKey("tc_wms").isPresent());
    }

    @Test
    void anUnknownNameCostsAPasswordHashLikeAKnownOneSoTimingDoesNotTellWhichNamesExist() {
        Path file = dir.resolve("users.properties");
        UsersFile.write(file, List.of(new UsersFile.Entry("anna", Set.of("checker"),
                SecretHash.hashPassword("pw-anna-123", 200_000))), List.of(), "test");
        UserDirectory d = directory(file, false);
        d.login("nobody", "warm-up"); // the dummy hash is made on first use
        long known = Long.MAX_VALUE;
        long unknown = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) {
            long t0 = System.nanoTime();
            assertTrue(d.login("anna", "wrong-" + i).isEmpty());
            long t1 = System.nanoTime();
            assertTrue(d.login("nobody-" + i, "wrong-" + i).isEmpty());
            long t2 = System.nanoTime();
            known = Math.min(known, t1 - t0);
            unknown = Math.min(unknown, t2 - t1);
        }
        // Before: ~1 % (no hash at all for an unknown name). Same work now; the bound leaves room for a busy machine.
        assertTrue(unknown > known / 3, "unknown " + unknown / 1000 + " µs vs known " + known / 1000 + " µs");
    }

    @Test
    void failedSignInsLockTheNameWhateverThePassword() {
        Path file = dir.resolve("users.properties");
        UsersFile.write(file, List.of(new UsersFile.Entry("anna", Set.of("checker"),
                SecretHash.hashPassword("pw-anna-123", 1000))), List.of(), "test");
        UserDirectory d = new UserDirectory();
        d.usersFile = file;
        d.reloadInterval = java.time.Duration.ZERO;
        d.accountMaxFailures = 3;
        d.load();
        for (int i = 0; i < 3; i++) {
            assertTrue(d.login("anna", "guess-" + i, "10.1.1.1").isEmpty());
        }
        assertThrows(SignInThrottledException.class, () -> d.login("anna", "pw-anna-123", "10.1.1.2"),
                "even the right password, while locked: a guesser learns nothing");
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
