package io.tradecheck.decisionlog;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** SHA-256 of an answer's JSON (without its decision id): what the log keeps instead of the answer, and checks a rebuild against. */
public final class AnswerDigest {
    private AnswerDigest() {
    }

    public static byte[] of(String answerJson) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(answerJson.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java has SHA-256", e);
        }
    }
}
