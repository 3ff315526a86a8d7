package io.tradecheck.console;

import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import io.tradecheck.editing.NotFoundException;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.vertx.http.runtime.security.FormAuthenticationMechanism;
import io.vertx.ext.web.RoutingContext;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Sign-in and sign-out for people. The form posts to Quarkus' form authentication ({@code /j_security_check}), which
 * checks the users file through the same identity provider as HTTP Basic and sets an encrypted session cookie.
 */
@Path("/console")
@Produces(MediaType.TEXT_HTML)
public class SignInPages extends ConsolePage {
    @Inject
    @Location("console/login.html")
    Template login;
    @Inject
    @Location("console/home.html")
    Template home;

    @GET
    @Path("login")
    @PermitAll
    public TemplateInstance login(@QueryParam("signedOut") String signedOut) {
        return login.data("error", false).data("signedOut", signedOut != null);
    }

    @GET
    @Path("login/failed")
    @PermitAll
    public TemplateInstance failed() {
        return login.data("error", true).data("signedOut", false);
    }

    @GET
    @Authenticated
    public TemplateInstance home() {
        return home.instance();
    }

    @POST
    @Path("logout")
    @Authenticated
    public Response logout(RoutingContext context) {
        FormAuthenticationMechanism.logout(context);
        return redirect("/console/login?signedOut=1");
    }

    @ServerExceptionMapper({ForbiddenException.class, UnauthorizedException.class, NotFoundException.class})
    public Response page(RuntimeException e) {
        return pages.of(e);
    }
}
