package io.tradecheck.console;

import io.quarkus.security.identity.SecurityIdentity;
import io.tradecheck.security.Roles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/**
 * The person signed in to the console, as the page layout needs them ({@code {inject:viewer.name}} in a template):
 * name, which parts of the console their roles open, and the CSRF token every form of theirs carries.
 */
@RequestScoped
@Named("viewer")
public class Viewer {
    @Inject
    SecurityIdentity identity;
    @Inject
    ConsoleCsrf csrf;

    public boolean signedIn() {
        return identity != null && !identity.isAnonymous();
    }

    public String name() {
        return signedIn() ? identity.getPrincipal().getName() : "";
    }

    public boolean checker() {
        return signedIn() && identity.hasRole(Roles.CHECKER);
    }

    public boolean editor() {
        return signedIn() && identity.hasRole(Roles.RULE_EDITOR);
    }

    public boolean auditor() {
        return signedIn() && identity.hasRole(Roles.AUDITOR);
    }

    /** Trade specialists and auditors may read the pack and its history. */
    public boolean reader() {
        return editor() || auditor();
    }

    public String roles() {
        return signedIn() ? String.join(", ", identity.getRoles().stream().sorted().toList()) : "";
    }

    public String csrfToken() {
        return signedIn() ? csrf.tokenFor(name()) : "";
    }
}
