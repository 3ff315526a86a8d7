package io.tradecheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** API keys from the users file; the caller's name in the log is the key's name, never the key. */
@ApplicationScoped
public class ApiKeyIdentityProvider implements IdentityProvider<ApiKeyAuthenticationRequest> {
    @Inject
    UserDirectory directory;

    @Override
    public Class<ApiKeyAuthenticationRequest> getRequestType() {
        return ApiKeyAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiKeyAuthenticationRequest request, AuthenticationRequestContext context) {
        // One SHA-256 and a map lookup: cheap enough for the event loop.
        try {
            return directory.apiKey(request.key(), SignInSource.of(request))
                    .map(entry -> Uni.createFrom().item(UsersFileIdentityProvider.identity(entry)))
                    .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("unknown API key")));
        } catch (SignInThrottledException e) {
            return Uni.createFrom().failure(e);
        }
    }
}
