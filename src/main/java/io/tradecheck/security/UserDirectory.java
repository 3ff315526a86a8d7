package io.tradecheck.security;

import io.quarkus.runtime.Startup;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Who may call, read from the users file. A fresh install has no file: one is written with a random password per
 * role and one API key for the checker role, and these are printed once to the log — there is no built-in default
 * password, and the generated user names carry a random suffix ({@code checker-3fa9c1}), so neither half of a
 * credential can be guessed from the documentation. Set {@code tradecheck.security.generate-users=false} to require the
 * file instead. The file is read again when it changes (checked every {@code reload-interval}): a removed user or a
 * revoked API key stops working within that interval, without a restart.
 *
 * <p>Sign-in defences (docs/security.md): failed sign-ins are counted per name and per source ({@link LoginThrottle});
 * an unknown name costs the same hash as a known one (a dummy hash), so timing does not tell which names exist;
 * password hashes run through a bounded {@link PasswordHashing}; a verified password is remembered for
 * {@code verified-ttl}, keyed by a keyed digest of name and password (never the password itself), so a client that
 * sends Basic credentials on every call pays PBKDF2 once.
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

    @ConfigProperty(name = "tradecheck.security.reload-interval", defaultValue = "2s")
    Duration reloadInterval = Duration.ofSeconds(2);

    @ConfigProperty(name = "tradecheck.security.verified-ttl", defaultValue = "5m")
    Duration verifiedTtl = Duration.ofMinutes(5);

    @ConfigProperty(name = "tradecheck.security.login.account.max-failures", defaultValue = "10")
    int accountMaxFailures = 10;
    @ConfigProperty(name = "tradecheck.security.login.account.window", defaultValue = "15m")
    Duration accountWindow = Duration.ofMinutes(15);
    @ConfigProperty(name = "tradecheck.security.login.account.lockout", defaultValue = "15m")
    Duration accountLockout = Duration.ofMinutes(15);
    @ConfigProperty(name = "tradecheck.security.login.source.max-failures", defaultValue = "100")
    int sourceMaxFailures = 100;
    @ConfigProperty(name = "tradecheck.security.login.source.window", defaultValue = "15m")
    Duration sourceWindow = Duration.ofMinutes(15);
    @ConfigProperty(name = "tradecheck.security.login.source.lockout", defaultValue = "15m")
    Duration sourceLockout = Duration.ofMinutes(15);
    /** Password hashes at once; 0 = half the cores (at least one). */
    @ConfigProperty(name = "tradecheck.security.login.hashing-threads", defaultValue = "0")
    int hashingThreads;
    @ConfigProperty(name = "tradecheck.security.login.hashing-queue", defaultValue = "32")
    int hashingQueue = 32;
    @ConfigProperty(name = "tradecheck.security.login.hashing-wait", defaultValue = "2s")
    Duration hashingWait = Duration.ofSeconds(2);

    Clock clock = Clock.systemUTC();

    private volatile UsersFile users;
    private volatile FileStamp loadedStamp;
    private volatile String dummyHash;
    private LoginThrottle throttle;
    private PasswordHashing hashing;
    private ScheduledExecutorService reloader;
    /** Per-process key for the cache's digests: a heap dump does not give out an offline-guessable password hash. */
    private final SecretKeySpec cacheKey = new SecretKeySpec(Base64.getUrlDecoder().decode(SecretHash.randomSecret(32)), "HmacSHA256");
    /** Sign-ins already verified, by keyed digest of name and password: PBKDF2 runs once per password and TTL. */
    private final Map<String, Verified> verified = new ConcurrentHashMap<>();

    private record Verified(UsersFile.Entry entry, Instant until) {
    }

    private record FileStamp(long size, long modifiedNanos, Object fileKey) {
    }

    @PostConstruct
    void load() {
        if (!Files.exists(usersFile)) {
            if (!generateUsers) {
                throw new IllegalStateException("No users file at " + usersFile.toAbsolutePath()
                        + " and tradecheck.security.generate-users=false: create it (see docs/security.md)");
            }
            generate(usersFile);
        }
        loadedStamp = stamp(usersFile);
        UsersFile read = UsersFile.read(usersFile);
        if (read.users().isEmpty() && read.apiKeys().isEmpty()) {
            throw new IllegalStateException("The users file " + usersFile.toAbsolutePath().normalize() + " has no user and "
                    + "no API key, so nobody could sign in. Add one (java ... io.tradecheck.security.HashSecret), or "
                    + "delete the file to have one user per role generated at the next start.");
        }
        users = read;
        throttle = new LoginThrottle(
                new LoginThrottle.Limit(accountMaxFailures, accountWindow, accountLockout),
                new LoginThrottle.Limit(sourceMaxFailures, sourceWindow, sourceLockout), clock);
        int threads = hashingThreads > 0 ? hashingThreads : Math.max(1, Runtime.getRuntime().availableProcessors() / 2);
        hashing = new PasswordHashing(threads, hashingQueue, hashingWait);
        LOG.infof("Security: %d user(s), %d API key(s) from %s", users.users().size(), users.apiKeys().size(),
                usersFile.toAbsolutePath().normalize());
        if (!reloadInterval.isZero()) {
            reloader = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "tradecheck-users-file-watch");
                t.setDaemon(true);
                return t;
            });
            reloader.scheduleWithFixedDelay(this::reloadIfChanged, reloadInterval.toMillis(), reloadInterval.toMillis(),
                    TimeUnit.MILLISECONDS);
        }
    }

    @PreDestroy
    void stop() {
        if (reloader != null) {
            reloader.shutdownNow();
        }
    }

    /**
     * Reads the users file again if it changed since it was last read. A file that cannot be read, or has nobody in
     * it, is reported and the users in force stay (an editor's half-saved file must not lock everybody out).
     */
    public boolean reloadIfChanged() {
        FileStamp now = stamp(usersFile);
        if (now == null || now.equals(loadedStamp)) {
            return false;
        }
        try {
            UsersFile read = UsersFile.read(usersFile);
            if (read.users().isEmpty() && read.apiKeys().isEmpty()) {
                LOG.errorf("The users file %s now has no user and no API key; the previous users stay in force", usersFile);
                loadedStamp = now;
                return false;
            }
            users = read;
            verified.clear();
            loadedStamp = now;
            LOG.infof("Security: users file changed, now %d user(s), %d API key(s)", read.users().size(), read.apiKeys().size());
            return true;
        } catch (RuntimeException e) {
            LOG.errorf("The users file %s changed but cannot be read (%s); the previous users stay in force", usersFile,
                    e.getMessage());
            loadedStamp = now;
            return false;
        }
    }

    /** HTTP Basic without a source address (tests, the command line). */
    public Optional<UsersFile.Entry> login(String name, String password) {
        return login(name, password, "local");
    }

    /**
     * Checks a name and password from {@code source} (the client's address).
     *
     * @throws SignInThrottledException while the name or the source is locked out by failures
     * @throws SignInBusyException      when too many password hashes are running or waiting
     */
    public Optional<UsersFile.Entry> login(String name, String password, String source) {
        throttle.refusal(source, name).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        String key = digest(name + '\u0000' + password);
        Verified hit = verified.get(key);
        Instant now = clock.instant();
        if (hit != null && now.isBefore(hit.until())) {
            return Optional.of(hit.entry());
        }
        UsersFile.Entry user = users.users().get(name);
        // An unknown name is checked against a dummy hash of the same cost, so its answer takes as long.
        String stored = user != null ? user.secretHash() : dummyHash();
        boolean matches = hashing.run(() -> SecretHash.verifyPassword(password, stored));
        if (user == null || !matches) {
            throttle.failed(source, name);
            return Optional.empty();
        }
        throttle.succeeded(name);
        if (verified.size() >= MAX_CACHED) {
            verified.values().removeIf(v -> !now.isBefore(v.until()));
            if (verified.size() >= MAX_CACHED) {
                verified.clear();
            }
        }
        verified.put(key, new Verified(user, now.plus(verifiedTtl)));
        return Optional.of(user);
    }

    /** A user by name, for a session that was signed in with a password earlier (the console's cookie). */
    public Optional<UsersFile.Entry> user(String name) {
        return Optional.ofNullable(users.users().get(name));
    }

    public Optional<UsersFile.Entry> apiKey(String key) {
        return apiKey(key, "local");
    }

    /** An API key is 192 random bits: not guessable, so only the source is throttled; one SHA-256 and a lookup. */
    public Optional<UsersFile.Entry> apiKey(String key, String source) {
        throttle.refusal(source, null).ifPresent(wait -> {
            throw new SignInThrottledException(wait);
        });
        Optional<UsersFile.Entry> entry = Optional.ofNullable(users.apiKeys().get(SecretHash.hashApiKey(key)));
        if (entry.isEmpty()) {
            throttle.failed(source, null);
        }
        return entry;
    }

    /** Hashed with the iteration count most users have, so that an unknown name costs what a known one does. */
    private String dummyHash() {
        String d = dummyHash;
        if (d == null) {
            int iterations = users.users().values().stream()
                    .map(u -> u.secretHash().split(":"))
                    .filter(p -> p.length == 4 && p[1].matches("\\d{1,9}"))
                    .collect(Collectors.groupingBy(p -> Integer.parseInt(p[1]), Collectors.counting()))
                    .entrySet().stream().max(Map.Entry.<Integer, Long>comparingByValue()
                            .thenComparing(Map.Entry.comparingByKey(Comparator.naturalOrder())))
                    .map(Map.Entry::getKey).orElse(SecretHash.DEFAULT_ITERATIONS);
            d = SecretHash.hashPassword(SecretHash.randomSecret(18), iterations);
            dummyHash = d;
        }
        return d;
    }

    private String digest(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(cacheKey);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static FileStamp stamp(Path file) {
        try {
            BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
            return new FileStamp(a.size(), a.lastModifiedTime().to(TimeUnit.NANOSECONDS), a.fileKey());
        } catch (IOException e) {
            return null;
        }
    }

    private static void generate(Path file) {
        List<UsersFile.Entry> users = new ArrayList<>();
        StringBuilder banner = new StringBuilder();
        for (String role : Roles.ALL) {
            String name = role + "-" + HexFormat.of().formatHex(Base64.getUrlDecoder().decode(SecretHash.randomSecret(3)));
            String password = SecretHash.randomSecret(18);
            users.add(new UsersFile.Entry(name, Set.of(role), SecretHash.hashPassword(password, SecretHash.DEFAULT_ITERATIONS)));
            banner.append(String.format("%n    user %-18s password %s", name, password));
        }
        String key = "tc_" + SecretHash.randomSecret(24);
        List<UsersFile.Entry> keys = List.of(new UsersFile.Entry("checker-key", Set.of(Roles.CHECKER), SecretHash.hashApiKey(key)));
        banner.append(String.format("%n    API key (role checker, header X-API-Key): %s", key));
        UsersFile.write(file, users, keys, """
                tradecheck users and API keys, generated at first start. Secrets are stored hashed.
                user.<name>=<roles>|<hash>     roles: checker, rule-editor, auditor (comma-separated)
                apikey.<name>=<roles>|sha256:<hex of the key>
                Hash a new password or key: java -cp target/quarkus-app/app/tradecheck-<version>.jar io.tradecheck.security.HashSecret
                Changes take effect within tradecheck.security.reload-interval (2 s), without a restart.""");
        LOG.warnf("%n=== First start: no users file, so one was created at %s.%n"
                        + "=== These credentials are shown ONCE; store them now (only their hashes were written):%s%n",
                file.toAbsolutePath().normalize(), banner);
    }
}
