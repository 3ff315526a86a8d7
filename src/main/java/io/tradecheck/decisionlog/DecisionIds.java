package io.tradecheck.decisionlog;

import java.security.SecureRandom;
import java.util.UUID;

/**
 * Decision ids are UUID version 7 (RFC 9562): time-ordered, so ids sort roughly by time and index well, and random in
 * their last 74 bits, so they cannot be guessed from a neighbour's.
 */
final class DecisionIds {
    private static final SecureRandom RANDOM = new SecureRandom();

    private DecisionIds() {
    }

    static String next(long epochMillis) {
        long msb = (epochMillis << 16) | 0x7000L | (RANDOM.nextInt() & 0x0FFFL);
        long lsb = (RANDOM.nextLong() & 0x3FFFFFFFFFFFFFFFL) | 0x8000000000000000L;
        return new UUID(msb, lsb).toString();
    }
}
