package io.tradecheck.console;

import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Synchronizer tokens for the console's forms (OWASP's HMAC-based token pattern): the token is an HMAC of the signed-in
 * user's name under a server key, so it cannot be forged from another site and needs no server-side session. Every
 * state-changing console request carries it in the form field {@value #FIELD} (or the header {@value #HEADER} for the
 * page's own script); {@link ConsoleCsrfFilter} refuses one without it. Another site cannot read the token (same-origin
 * policy) and the session cookie is SameSite=Strict besides.
 */
@ApplicationScoped
public class ConsoleCsrf {
    public static final String FIELD = "_csrf";
    public static final String HEADER = "X-CSRF-Token";

    private final SecretKeySpec key;

    ConsoleCsrf(@ConfigProperty(name = "quarkus.http.auth.session.encryption-key") Optional<String> configured) {
        byte[] secret;
        if (configured.isPresent() && configured.get().length() >= 16) {
            secret = ("tradecheck-console-csrf:" + configured.get()).getBytes(StandardCharsets.UTF_8);
        } else {
            secret = new byte[32];
            new SecureRandom().nextBytes(secret);
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    public String tokenFor(String user) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(user.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when {@code token} is the one issued to this identity (constant-time comparison). */
    public boolean accepts(SecurityIdentity identity, String token) {
        if (identity == null || identity.isAnonymous() || token == null) {
            return false;
        }
        return MessageDigest.isEqual(tokenFor(identity.getPrincipal().getName()).getBytes(StandardCharsets.US_ASCII),
                token.getBytes(StandardCharsets.US_ASCII));
    }

    static String fromHeaders(HttpHeaders headers) {
        return headers.getHeaderString(HEADER);
    }
}
