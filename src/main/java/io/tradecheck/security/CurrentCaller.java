package io.tradecheck.security;

import io.quarkus.arc.Arc;
import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Supplier;

/** The name of whoever made the current request, for the decision log: a user, an API key's name, or a JWT subject. */
@ApplicationScoped
public class CurrentCaller implements Supplier<String> {
    /** Work outside any request: start-up, scheduled and background jobs that did not name a caller. */
    public static final String SYSTEM = "system";

    @Inject
    CurrentIdentityAssociation identities;

    @Override
    public String get() {
        if (!Arc.container().requestContext().isActive()) {
            return SYSTEM;
        }
        SecurityIdentity identity = identities.getIdentity();
        return identity == null || identity.isAnonymous() ? "anonymous" : identity.getPrincipal().getName();
    }
}
