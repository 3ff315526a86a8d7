package io.tradecheck.console;

import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** 401, 403, 404 and refused input as pages for people (the API answers problem+json instead). */
@ApplicationScoped
public class ErrorPages {
    @Inject
    @Location("console/error.html")
    Template error;

    public Response page(Response.Status status, String title, String detail) {
        String html = error.data("status", status.getStatusCode()).data("title", title).data("detail", detail).render();
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(html).build();
    }

    public Response forbidden() {
        return page(Response.Status.FORBIDDEN, "Not for your role",
                "Your roles do not open this page. Ask an administrator for the role it needs "
                        + "(checker: pre-checks and order files; rule-editor: rules; auditor: the decision log).");
    }

    /** The page for what a console resource threw: sign in again (401), not for your role (403), not found (404). */
    public Response of(RuntimeException e) {
        if (e instanceof io.quarkus.security.UnauthorizedException) {
            return Response.seeOther(java.net.URI.create("/console/login")).build();
        }
        if (e instanceof io.quarkus.security.ForbiddenException) {
            return forbidden();
        }
        return notFound(e.getMessage());
    }

    public Response notFound(String what) {
        return page(Response.Status.NOT_FOUND, "Not found", what);
    }
}
