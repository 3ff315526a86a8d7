package io.tradecheck.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who may call, read from the users file. A fresh install has no file: one is written with a random password per
 * role and one API key for the checker role, and these are printed once to the log — there is no built-in default
 * password. Set {@code tradecheck.security.generate-users=false} to require the file instead.
 */
@Startup
@ApplicationScoped
public class UserDirectory {
    private static final Logger LOG = Logger.getLogger(UserDirectory.class);
    private static final int MAX_CACHED = 10_000;

    @ConfigProperty(name = "tradecheck.security.users-file")
    Path usersFile;

    @ConfigProperty(name = "tradecheck.security.generate-users")
    boolean generateUsers;

    private volatile UsersFile users;
    /** Logins already verified, keyed by a fast hash of name and password: PBKDF2 runs once per password, not per call. */
    private final Map<String, UsersFile.Entry> verified = new ConcurrentHashMap<>();

    @PostConstruct
    void load() {
        if (!Files.exists(usersFile)) {
            if (!generateUsers) {
                throw new IllegalStateException("No users file at " + usersFile.toAbsolutePath()
                        + " and tradecheck.security.generate-users=false: create it (see README, Security)");
            }
            generate(usersFile);
        }
        users = UsersFile.read(usersFile);
        LOG.infof("Security: %d user(s), %d API key(s) from %s", users.users().size(), users.apiKeys().size(),
                usersFile.toAbsolutePath().normalize());
    }

    public Optional<UsersFile.Entry> login(String name, String password) {
        String cacheKey = SecretHash.sha256Hex(name + '\u0000' + password);
        UsersFile.Entry hit = verified.get(cacheKey);
        if (hit != null) {
            return Optional.of(hit);
        }
        UsersFile.Entry user = users.users().get(name);
        if (user == null || !SecretHash.verifyPassword(password, user.secretHash())) {
            return Optional.empty();
        }
        if (verified.size() > MAX_CACHED) {
            verified.clear();
        }
        verified.put(cacheKey, user);
        return Optional.of(user);
    }

    /** A user by name, for a session that was signed in with a password earlier (the console's cookie). */
    public Optional<UsersFile.Entry> user(String name) {
        return Optional.ofNullable(users.users().get(name));
    }

    public Optional<UsersFile.Entry> apiKey(String key) {
        return Optional.ofNullable(users.apiKeys().get(SecretHash.hashApiKey(key)));
    }

    private static void generate(Path file) {
        List<UsersFile.Entry> users = new ArrayList<>();
        StringBuilder banner = new StringBuilder();
        for (String role : Roles.ALL) {
            String password = SecretHash.randomSecret(18);
            users.add(new UsersFile.Entry(role, Set.of(role), SecretHash.hashPassword(password, SecretHash.DEFAULT_ITERATIONS)));
            banner.append(String.format("%n    user %-12s password %s", role, password));
        }
        String key = "tc_" + SecretHash.randomSecret(24);
        List<UsersFile.Entry> keys = List.of(new UsersFile.Entry("checker-key", Set.of(Roles.CHECKER), SecretHash.hashApiKey(key)));
        banner.append(String.format("%n    API key (role checker, header X-API-Key): %s", key));
        UsersFile.write(file, users, keys, """
                tradecheck users and API keys, generated at first start. Secrets are stored hashed.
                user.<name>=<roles>|<hash>     roles: checker, rule-editor, auditor (comma-separated)
                apikey.<name>=<roles>|sha256:<hex of the key>
                Hash a new password or key: java -cp target/quarkus-app/app/tradecheck-<version>.jar io.tradecheck.security.HashSecret""");
        LOG.warnf("%n=== First start: no users file, so one was created at %s.%n"
                        + "=== These credentials are shown ONCE; store them now (only their hashes were written):%s%n",
                file.toAbsolutePath().normalize(), banner);
    }
}
