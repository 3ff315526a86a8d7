package io.tradecheck.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.jboss.logging.Logger;

/**
 * Failed sign-ins counted per account name and per source address, as the big identity services do (Microsoft Entra
 * smart lockout, AWS Cognito, GitHub): after {@code maxFailures} failures within {@code window} the account (or the
 * source) is refused for {@code lockout} without its password being checked at all, so a guesser neither learns
 * anything nor costs the service a hash. Names that do not exist are counted and locked exactly like real ones, so
 * the lockout does not tell which names are real. A success clears the account's count.
 *
 * <p>The counters are in memory (one process); they are bounded and expired entries are dropped.
 */
public final class LoginThrottle {
    private static final Logger LOG = Logger.getLogger(LoginThrottle.class);
    /** Beyond this many tracked names or sources, expired entries are purged; if still full, the oldest window goes. */
    static final int MAX_TRACKED = 100_000;

    /** A limit: so many failures within a window locks for a while. */
    public record Limit(int maxFailures, Duration window, Duration lockout) {
    }

    private record Count(int failures, Instant windowStart, Instant lockedUntil) {
    }

    private final Limit perAccount;
    private final Limit perSource;
    private final Clock clock;
    private final Map<String, Count> accounts = new ConcurrentHashMap<>();
    private final Map<String, Count> sources = new ConcurrentHashMap<>();

    public LoginThrottle(Limit perAccount, Limit perSource, Clock clock) {
        this.perAccount = perAccount;
        this.perSource = perSource;
        this.clock = clock;
    }

    /** How long this caller must wait before a sign-in is tried again, or empty when it may be tried now. */
    public Optional<Duration> refusal(String source, String account) {
        Instant now = clock.instant();
        Duration wait = longest(lockedFor(sources.get(source), now), lockedFor(account == null ? null : accounts.get(account), now));
        return wait.isZero() ? Optional.empty() : Optional.of(wait);
    }

    /** A sign-in failed: the password or key was wrong, or the name unknown. */
    public void failed(String source, String account) {
        Instant now = clock.instant();
        Count s = count(sources, source, perSource, now);
        if (s.failures() == perSource.maxFailures()) {
            LOG.warnf("Sign-in: %d failures from %s within %s; that address is refused for %s",
                    s.failures(), printable(source), perSource.window(), perSource.lockout());
        }
        if (account != null) {
            Count a = count(accounts, account, perAccount, now);
            LOG.infof("Sign-in failed for '%s' from %s (%d of %d allowed within %s)", printable(account), printable(source),
                    a.failures(), perAccount.maxFailures(), perAccount.window());
            if (a.failures() == perAccount.maxFailures()) {
                LOG.warnf("Sign-in: %d failures for '%s' within %s; that account is refused for %s",
                        a.failures(), printable(account), perAccount.window(), perAccount.lockout());
            }
        } else {
            LOG.infof("Sign-in failed from %s (API key or token)", printable(source));
        }
    }

    /** A sign-in succeeded: the account's count starts again. The source's count stays (it may guess other names). */
    public void succeeded(String account) {
        if (account != null) {
            accounts.remove(account);
        }
    }

    private Count count(Map<String, Count> counts, String key, Limit limit, Instant now) {
        if (counts.size() >= MAX_TRACKED) {
            purge(counts, limit, now);
        }
        return counts.merge(key, new Count(1, now, null), (old, one) -> {
            if (old.lockedUntil() != null && now.isBefore(old.lockedUntil())) {
                return old;
            }
            boolean fresh = now.isAfter(old.windowStart().plus(limit.window())) || old.lockedUntil() != null;
            int failures = fresh ? 1 : old.failures() + 1;
            Instant start = fresh ? now : old.windowStart();
            return new Count(failures, start, failures >= limit.maxFailures() ? now.plus(limit.lockout()) : null);
        });
    }

    private static void purge(Map<String, Count> counts, Limit limit, Instant now) {
        counts.values().removeIf(c -> (c.lockedUntil() == null || now.isAfter(c.lockedUntil()))
                && now.isAfter(c.windowStart().plus(limit.window())));
        if (counts.size() >= MAX_TRACKED) {
            counts.values().removeIf(c -> c.lockedUntil() == null);
        }
    }

    private static Duration lockedFor(Count c, Instant now) {
        return c == null || c.lockedUntil() == null || !now.isBefore(c.lockedUntil())
                ? Duration.ZERO : Duration.between(now, c.lockedUntil());
    }

    private static Duration longest(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }

    /** User names come from the request: no line breaks or control characters reach the log, and at most 64 chars. */
    static String printable(String s) {
        if (s == null) {
            return "?";
        }
        String clean = s.codePoints().map(c -> Character.isISOControl(c) ? '?' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
        return clean.length() > 64 ? clean.substring(0, 64) + "…" : clean;
    }
}
