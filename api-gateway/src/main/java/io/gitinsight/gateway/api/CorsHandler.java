package io.gitinsight.gateway.api;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ErrorResponses;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.RoutingContext;

/**
 * CORS for browsers: only the configured origins ({@code CORS_ORIGINS}) get CORS headers, credentials
 * included; any other origin gets none, so the browser withholds the answer. Preflights are answered
 * here, before authentication and rate limiting (browsers send no credentials with them).
 */
public class CorsHandler implements Handler<RoutingContext> {

    static final String ALLOWED_METHODS = "GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS";
    static final String ALLOWED_HEADERS = "Authorization, Content-Type, Accept, X-API-Key, X-Request-Id, traceparent";
    static final String EXPOSED_HEADERS = "X-Request-Id, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, "
            + "Retry-After, Content-Disposition";
    static final String MAX_AGE_SECONDS = "600";

    private final Set<String> origins;

    public CorsHandler(List<String> origins) {
        this.origins = origins.stream().map(String::trim).filter(o -> !o.isEmpty()).map(CorsHandler::normalize)
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    public void handle(RoutingContext ctx) {
        String origin = ctx.request().getHeader(HttpHeaders.ORIGIN);
        if (origin == null) {
            ctx.next();
            return;
        }
        ctx.response().headers().add(HttpHeaders.VARY, "Origin");
        boolean allowed = origins.contains(normalize(origin));
        boolean preflight = ctx.request().method() == HttpMethod.OPTIONS
                && ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_METHOD) != null;
        if (allowed) {
            ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_ORIGIN, origin)
                    .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_CREDENTIALS, "true")
                    .putHeader(HttpHeaders.ACCESS_CONTROL_EXPOSE_HEADERS, EXPOSED_HEADERS);
        }
        if (!preflight) {
            ctx.next();
            return;
        }
        if (!allowed) {
            ErrorResponses.write(ctx, 403, ErrorCode.AUTHORIZATION_DENIED, "origin " + origin + " may not call this API",
                    Map.of("origin", origin));
            return;
        }
        // a listed origin is trusted with whatever headers it asks for
        String requested = ctx.request().getHeader(HttpHeaders.ACCESS_CONTROL_REQUEST_HEADERS);
        ctx.response().putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_METHODS, ALLOWED_METHODS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_ALLOW_HEADERS, requested != null ? requested : ALLOWED_HEADERS)
                .putHeader(HttpHeaders.ACCESS_CONTROL_MAX_AGE, MAX_AGE_SECONDS).setStatusCode(204).end();
    }

    /** Origins compare without a trailing slash and with a lower-case scheme and host. */
    private static String normalize(String origin) {
        String trimmed = origin.trim();
        return (trimmed.endsWith("/") ? trimmed.substring(0, trimmed.length() - 1) : trimmed).toLowerCase(Locale.ROOT);
    }
}
