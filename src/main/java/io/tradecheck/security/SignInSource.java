package io.tradecheck.security;

import io.quarkus.security.identity.request.AuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.vertx.core.net.SocketAddress;
import io.vertx.ext.web.RoutingContext;

/**
 * The address a sign-in came from, for the per-source throttle: the peer of the connection (behind a reverse proxy,
 * the forwarded address once {@code quarkus.http.proxy.proxy-address-forwarding=true} is set for a trusted proxy).
 */
final class SignInSource {
    private SignInSource() {
    }

    static String of(AuthenticationRequest request) {
        RoutingContext context = HttpSecurityUtils.getRoutingContextAttribute(request);
        SocketAddress peer = context == null ? null : context.request().remoteAddress();
        return peer == null ? "unknown" : peer.hostAddress();
    }
}
