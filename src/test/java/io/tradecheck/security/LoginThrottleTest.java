package io.tradecheck.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
    private Instant now = Instant.parse("2026-01-05T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    };
    private final LoginThrottle throttle = new LoginThrottle(
            new LoginThrottle.Limit(3, Duration.ofMinutes(15), Duration.ofMinutes(10)),
            new LoginThrottle.Limit(5, Duration.ofMinutes(15), Duration.ofMinutes(20)), clock);

    @Test
    void anAccountIsRefusedAfterItsFailuresUntilTheLockoutEnds() {
        for (int i = 0; i < 3; i++) {
            assertEquals(Optional.empty(), throttle.refusal("10.0.0.1", "anna"));
            throttle.failed("10.0.0.1", "anna");
        }
        assertEquals(Optional.of(Duration.ofMinutes(10)), throttle.refusal("10.0.0.2", "anna"), "from any address");
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.2", "bob"), "other accounts are untouched");
        now = now.plus(Duration.ofMinutes(9));
        assertEquals(Optional.of(Duration.ofMinutes(1)), throttle.refusal("10.0.0.2", "anna"));
        now = now.plus(Duration.ofMinutes(1));
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.2", "anna"));
    }

    @Test
    void unknownNamesLockExactlyLikeRealOnesSoTheLockoutDoesNotTellWhichExist() {
        for (int i = 0; i < 3; i++) {
            throttle.failed("10.0.0.1", "no-such-user-" + 0);
        }
        assertTrue(throttle.refusal("10.0.0.3", "no-such-user-0").isPresent());
    }

    @Test
    void oneAddressGuessingManyNamesIsRefusedForAllOfThem() {
        for (int i = 0; i < 5; i++) {
            throttle.failed("10.0.0.9", "name" + i);
        }
        assertEquals(Optional.of(Duration.ofMinutes(20)), throttle.refusal("10.0.0.9", "a-name-never-tried"));
        assertEquals(Optional.of(Duration.ofMinutes(20)), throttle.refusal("10.0.0.9", null), "API keys too");
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.10", "a-name-never-tried"));
    }

    @Test
    void failuresSpreadOverMoreThanTheWindowDoNotLockAndASuccessStartsAgain() {
        throttle.failed("10.0.0.1", "anna");
        throttle.failed("10.0.0.1", "anna");
        now = now.plus(Duration.ofMinutes(16));
        throttle.failed("10.0.0.1", "anna");
        throttle.failed("10.0.0.1", "anna");
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.1", "anna"));
        throttle.succeeded("anna");
        throttle.failed("10.0.0.1", "anna");
        throttle.failed("10.0.0.1", "anna");
        assertEquals(Optional.empty(), throttle.refusal("10.0.0.1", "anna"));
    }

    @Test
    void namesAreLoggedWithoutLineBreaks() {
        assertEquals("anna?INFO forged", LoginThrottle.printable("anna\nINFO forged"));
        assertEquals(65, LoginThrottle.printable("x".repeat(200)).length());
    }
}
