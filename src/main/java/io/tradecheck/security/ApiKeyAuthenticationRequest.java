package io.tradecheck.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** An {@code X-API-Key} header, as presented. */
public final class ApiKeyAuthenticationRequest extends BaseAuthenticationRequest {
    private final String key;

    public ApiKeyAuthenticationRequest(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
