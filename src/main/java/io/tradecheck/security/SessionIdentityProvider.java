package io.tradecheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * The console's session cookie (form sign-in) names a user whose password was checked when they signed in; on each
 * later request the user is looked up again, so a user removed from the users file, or whose roles changed, is
 * refused or gets the new roles at once instead of keeping what the cookie was issued for.
 */
@ApplicationScoped
public class SessionIdentityProvider implements IdentityProvider<TrustedAuthenticationRequest> {
    @Inject
    UserDirectory directory;

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return directory.user(request.getPrincipal())
                .map(entry -> Uni.createFrom().item(UsersFileIdentityProvider.identity(entry)))
                .orElseGet(() -> Uni.createFrom().failure(new AuthenticationFailedException("no such user")));
    }
}
