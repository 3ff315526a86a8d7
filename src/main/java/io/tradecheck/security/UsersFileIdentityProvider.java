package io.tradecheck.security;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.UsernamePasswordAuthenticationRequest;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** HTTP Basic against the users file. Hashing is slow on purpose, so it runs off the event loop. */
@ApplicationScoped
public class UsersFileIdentityProvider implements IdentityProvider<UsernamePasswordAuthenticationRequest> {
    @Inject
    UserDirectory directory;

    @Override
    public Class<UsernamePasswordAuthenticationRequest> getRequestType() {
        return UsernamePasswordAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(UsernamePasswordAuthenticationRequest request,
                                              AuthenticationRequestContext context) {
        String source = SignInSource.of(request);
        return context.runBlocking(() -> directory
                .login(request.getUsername(), new String(request.getPassword().getPassword()), source)
                .map(UsersFileIdentityProvider::identity)
                .orElseThrow(() -> new AuthenticationFailedException("wrong user name or password")));
    }

    static SecurityIdentity identity(UsersFile.Entry entry) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(entry.name()))
                .addRoles(entry.roles())
                .build();
    }
}
