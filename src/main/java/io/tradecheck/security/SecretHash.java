package io.tradecheck.security;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

/**
 * How secrets are kept in the users file. Passwords chosen by people: PBKDF2-HMAC-SHA256 with a per-user salt
 * ({@code pbkdf2-sha256:<iterations>:<salt>:<hash>}). API keys are 192 random bits, so a plain SHA-256 suffices
 * ({@code sha256:<hex>}) and lets the key be looked up by its hash.
 */
public final class SecretHash {
    /** OWASP's 2023 figure for PBKDF2-HMAC-SHA256 is 600k; verified passwords are cached, so a login pays it once. */
    public static final int DEFAULT_ITERATIONS = 600_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretHash() {
    }

    public static String hashPassword(String password, int iterations) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256:" + iterations + ":" + b64(salt) + ":" + b64(pbkdf2(password, salt, iterations));
    }

    public static boolean verifyPassword(String password, String stored) {
        String[] parts = stored.split(":");
        if (parts.length != 4 || !parts[0].equals("pbkdf2-sha256")) {
            return false;
        }
        try {
            int iterations = Integer.parseInt(parts[1]);
            byte[] salt = Base64.getDecoder().decode(parts[2]);
            byte[] expected = Base64.getDecoder().decode(parts[3]);
            return MessageDigest.isEqual(expected, pbkdf2(password, salt, iterations));
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    public static String hashApiKey(String key) {
        return "sha256:" + sha256Hex(key);
    }

    public static String sha256Hex(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A random secret of {@code bytes} bytes, URL-safe, no padding: easy to paste into a header or a curl command. */
    public static String randomSecret(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(b);
    }

    private static byte[] pbkdf2(String password, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(password.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getEncoder().withoutPadding().encodeToString(bytes);
    }
}
