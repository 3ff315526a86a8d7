package io.tradecheck.console;

import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.net.URI;

/**
 * What every console resource shares. Each one also declares a one-line {@code @ServerExceptionMapper} handing 401,
 * 403 and 404 to {@link ErrorPages#of}: mappers declared on a resource class apply to that class only, so the API keeps
 * its problem+json answers (a mapper inherited from a base class would be global).
 */
public abstract class ConsolePage {
    @Inject
    ErrorPages pages;

    protected static Response redirect(String path) {
        return Response.seeOther(URI.create(path)).build();
    }
}
