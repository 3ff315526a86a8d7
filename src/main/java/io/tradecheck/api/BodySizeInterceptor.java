package io.tradecheck.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.ext.Provider;
import jakarta.ws.rs.ext.ReaderInterceptor;
import jakarta.ws.rs.ext.ReaderInterceptorContext;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * The same limits as {@link BodySizeLimits} for bodies sent without a Content-Length (chunked): bytes are counted as
 * the JSON reader consumes them, and reading stops with a 413 at the first byte past the limit.
 */
@Provider
public class BodySizeInterceptor implements ReaderInterceptor {
    @Inject
    BodySizeLimits limits;

    @Context
    UriInfo uri;

    @Override
    public Object aroundReadFrom(ReaderInterceptorContext context) throws IOException {
        long limit = limits.limitFor("/" + uri.getPath().replaceFirst("^/", ""));
        context.setInputStream(new Bounded(context.getInputStream(), limit));
        return context.proceed();
    }

    static final class Bounded extends FilterInputStream {
        private final long limit;
        private long count;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                add(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                add(n);
            }
            return n;
        }

        private void add(int n) {
            count += n;
            if (count > limit) {
                throw new WebApplicationException("The body is larger than the " + limit + " bytes this route accepts",
                        Response.Status.REQUEST_ENTITY_TOO_LARGE);
            }
        }
    }
}
