package io.tradecheck.decisionlog;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Decision ids are UUID version 7 (RFC 9562): time-ordered, so ids sort by time and the primary key doubles as the
 * time index, and random in their last 74 bits, so they cannot be guessed from a neighbour's.
 */
final class DecisionIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    static String next(long epochMillis) {
        return nextUuid(epochMillis).toString();
    }

    static UUID nextUuid(long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb);
    }

    /**
     * Sorts before every id made at or after {@code instant} and after every id made before it (its version bits are
     * zero, which no real id has): the bound of a time-range query on the id.
     */
    static UUID lowerBound(Instant instant) {
        return new UUID(instant.toEpochMilli() << 16, 0L);
    }

    static Instant instant(UUID id) {
        return Instant.ofEpochMilli(id.getMostSignificantBits() >>> 16);
    }

    /** The id, or empty if the text is not a UUID (such an id was never given). */
    static Optional<UUID> parse(String text) {
        if (text == null || text.length() != 36) {
            return Optional.empty();
        }
        try {
            return Optional.of(UUID.fromString(text));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
