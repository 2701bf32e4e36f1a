package io.gitinsight.gateway.proxy;

import java.util.Map;
import java.util.Optional;

import org.jboss.logging.Logger;

import io.gitinsight.gateway.client.Backend;
import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.config.GatewayConfig;
import io.gitinsight.gateway.metrics.RequestMetrics;
import io.gitinsight.gateway.ratelimit.RateLimitDecision;
import io.gitinsight.gateway.ratelimit.RateLimiter;
import io.gitinsight.gateway.routing.Route;
import io.gitinsight.gateway.routing.RouteTable;
import io.gitinsight.gateway.security.Authenticator;
import io.gitinsight.gateway.security.Caller;
import io.gitinsight.gateway.security.ClientAddress;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.error.ErrorResponses;
import io.gitinsight.support.trace.TraceIdFilter;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.ext.web.RoutingContext;

/**
 * Every request to the public API passes here, in this order: match the route table; find out who calls
 * (a credential that fails is answered 401 unless the route leaves credentials to its backend); count the
 * request against the caller's budget (or the source address's webhook budget); then 429, 404/405, 401/403
 * or on to the backend (or to one of the gateway's own answers). Rate-limit headers go on every answer.
 */
public class GatewayHandler implements Handler<RoutingContext> {

    /** An answer the gateway gives itself for a route whose backend is {@code gateway}. */
    public interface LocalRoute {
        void handle(RoutingContext ctx, Caller caller);
    }

    private static final Logger LOG = Logger.getLogger(GatewayHandler.class);
    /** The context local Quarkus's HTTP metrics take the uri label from. */
    private static final String URL_TEMPLATE = "UrlPathTemplate";

    private final RouteTable routes;
    private final ClientAddress addresses;
    private final Authenticator authenticator;
    private final RateLimiter limiter;
    private final BackendProxy proxy;
    private final HttpClients clients;
    private final RequestMetrics metrics;
    private final GatewayConfig config;
    private final Map<String, LocalRoute> local;

    public GatewayHandler(RouteTable routes, ClientAddress addresses, Authenticator authenticator, RateLimiter limiter,
            BackendProxy proxy, HttpClients clients, RequestMetrics metrics, GatewayConfig config,
            Map<String, LocalRoute> local) {
        this.routes = routes;
        this.addresses = addresses;
        this.authenticator = authenticator;
        this.limiter = limiter;
        this.proxy = proxy;
        this.clients = clients;
        this.metrics = metrics;
        this.config = config;
        this.local = Map.copyOf(local);
    }

    /** What is known about a request once it is matched, authenticated and counted. */
    private record Admission(RouteTable.Match match, Caller caller, Throwable authFailure, RateLimitDecision limit) {
    }

    @Override
    public void handle(RoutingContext ctx) {
        HttpServerRequest request = ctx.request();
        // nothing of the body may be read before the proxy streams it on
        request.pause();
        RouteTable.Match match = routes.match(request.method().name(), ctx.normalizedPath());
        Optional<Route> route = match instanceof RouteTable.Found found ? Optional.of(found.route()) : Optional.empty();
        labelForMetrics(request, route);
        ctx.addEndHandler(done -> metrics.record(route.map(Route::name).orElse("none"),
                route.map(Route::backend).orElse("none"), ctx.response().getStatusCode()));
        String peer = request.remoteAddress() == null ? "unknown" : request.remoteAddress().hostAddress();
        String client = addresses.resolve(peer, request.headers().getAll("X-Forwarded-For"));
        boolean webSocket = isWebSocketUpgrade(request);

        Future<Admission> admission;
        if (route.isPresent() && route.get().webhook()) {
            admission = limiter.consume("webhook:" + client, config.rateLimit().webhooksPerWindow())
                    .map(limit -> new Admission(match, Caller.guest(client), null, limit));
        } else {
            boolean credentialsOptional = route.isPresent() && route.get().permission().isEmpty();
            admission = authenticator.authenticate(request, client, webSocket).transform(auth -> {
                Throwable failure = auth.failed() && !credentialsOptional ? auth.cause() : null;
                Caller caller = auth.succeeded() ? auth.result() : Caller.guest(client);
                return limiter.consume(caller.bucket(), budget(caller))
                        .map(limit -> new Admission(match, caller, failure, limit));
            });
        }
        admission.onComplete(result -> {
            if (result.failed()) {
                LOG.errorf("rate limiter unavailable: %s", result.cause().getMessage());
                fail(ctx, 503, ErrorCode.UPSTREAM_UNAVAILABLE, "the rate limiter is unavailable; try again shortly",
                        Map.of("service", "redis"));
                return;
            }
            admit(ctx, result.result(), webSocket);
        });
    }

    private void admit(RoutingContext ctx, Admission admission, boolean webSocket) {
        admission.limit().writeHeaders(ctx.response());
        if (!admission.limit().allowed()) {
            fail(ctx, 429, ErrorCode.RATE_LIMIT_EXCEEDED, "rate limit of " + admission.limit().limit()
                    + " requests exceeded; retry after " + admission.limit().retryAfterSeconds() + " s",
                    Map.of("limit", admission.limit().limit(), "retry_after_seconds",
                            admission.limit().retryAfterSeconds()));
            return;
        }
        if (admission.authFailure() != null) {
            failWith(ctx, admission.authFailure());
            return;
        }
        RouteTable.Match match = admission.match();
        if (match instanceof RouteTable.Found found) {
            dispatch(ctx, found, admission.caller(), webSocket);
        } else if (match instanceof RouteTable.MethodNotAllowed notAllowed) {
            ctx.response().putHeader(HttpHeaders.ALLOW, String.join(", ", notAllowed.allowed()));
            fail(ctx, 405, ErrorCode.METHOD_NOT_ALLOWED, ctx.request().method() + " is not allowed on "
                    + ctx.request().path(), Map.of("allowed", notAllowed.allowed()));
        } else {
            fail(ctx, 404, ErrorCode.NOT_FOUND, "no route for " + ctx.request().path(), Map.of());
        }
    }

    private void dispatch(RoutingContext ctx, RouteTable.Found found, Caller caller, boolean webSocket) {
        Route route = found.route();
        Optional<Permission> needed = route.permission();
        if (needed.isPresent() && !caller.has(needed.get())) {
            Map<String, Object> details = Map.of("permission", needed.get().value(), "role", caller.role().value());
            if (caller.isGuest()) {
                fail(ctx, 401, ErrorCode.AUTHENTICATION_REQUIRED, "sign in: this needs the " + needed.get().value()
                        + " permission", details);
            } else {
                fail(ctx, 403, ErrorCode.AUTHORIZATION_DENIED, "this needs the " + needed.get().value()
                        + " permission", details);
            }
            return;
        }
        if (tooLarge(ctx.request())) {
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            fail(ctx, 413, ErrorCode.PAYLOAD_TOO_LARGE, "the request body is larger than the "
                    + config.maxBodySize().asLongValue() + " bytes the gateway accepts",
                    Map.of("max_bytes", config.maxBodySize().asLongValue()));
            return;
        }
        if (route.isLocal()) {
            LocalRoute answer = local.get(route.name());
            if (answer == null) {
                fail(ctx, 404, ErrorCode.NOT_FOUND, "no route for " + ctx.request().path(), Map.of());
                return;
            }
            ctx.request().resume();
            answer.handle(ctx, caller);
            return;
        }
        Backend backend = clients.backend(route.backend());
        String traceId = TraceIdFilter.traceId(ctx);
        proxy.forward(new BackendRequest(ctx.request(), backendUri(backend, found, ctx.request().query()),
                ForwardedHeaders.forBackend(ctx.request(), addresses, traceId), backend, route.name(),
                route.timeout(), webSocket, traceId));
    }

    private int budget(Caller caller) {
        if (caller.requestsPerWindow() > 0) {
            return caller.requestsPerWindow();
        }
        return config.rateLimit().roles().getOrDefault(caller.role().value(), caller.role().requestsPerHour());
    }

    private boolean tooLarge(HttpServerRequest request) {
        String length = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        try {
            return length != null && Long.parseLong(length.trim()) > config.maxBodySize().asLongValue();
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static String backendUri(Backend backend, RouteTable.Found found, String query) {
        String path = backend.basePath() + found.backendPath();
        if (query == null || query.isEmpty()) {
            return path;
        }
        return path + (path.contains("?") ? "&" : "?") + query;
    }

    /**
     * Names the request in {@code http_server_requests} by its route's pattern, not its path: ids in paths
     * would otherwise make one time series per repository.
     */
    private void labelForMetrics(HttpServerRequest request, Optional<Route> route) {
        if (request instanceof HttpServerRequestInternal internal) {
            internal.context().putLocal(URL_TEMPLATE, route.map(r -> r.pattern().source()).orElse(config.prefix() + "/*"));
        }
    }

    static boolean isWebSocketUpgrade(HttpServerRequest request) {
        String upgrade = request.getHeader(HttpHeaders.UPGRADE);
        return upgrade != null && upgrade.equalsIgnoreCase("websocket");
    }

    private static void failWith(RoutingContext ctx, Throwable failure) {
        if (failure instanceof ApiException api) {
            fail(ctx, api.status(), api.code(), api.getMessage(), api.details());
            return;
        }
        LOG.warnf("credentials could not be verified: %s", failure.getMessage());
        fail(ctx, 503, ErrorCode.UPSTREAM_UNAVAILABLE, "credentials cannot be verified right now: auth-service "
                + "is unavailable", Map.of("service", "auth"));
    }

    private static void fail(RoutingContext ctx, int status, ErrorCode code, String message,
            Map<String, Object> details) {
        ctx.request().resume();
        ErrorResponses.write(ctx, status, code, message, details);
    }
}
