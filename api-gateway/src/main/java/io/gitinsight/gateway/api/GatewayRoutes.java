package io.gitinsight.gateway.api;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.config.GatewayConfig;
import io.gitinsight.gateway.metrics.RequestMetrics;
import io.gitinsight.gateway.proxy.BackendProxy;
import io.gitinsight.gateway.proxy.GatewayHandler;
import io.gitinsight.gateway.ratelimit.RateLimiter;
import io.gitinsight.gateway.routing.RouteTable;
import io.gitinsight.gateway.security.Authenticator;
import io.gitinsight.gateway.security.ClientAddress;
import io.vertx.ext.web.Router;

/**
 * Where a public request enters: {@code /api/v1/**} and the few public paths outside it (the JWKS)
 * go through CORS and then the {@link GatewayHandler}; every other path stays with the service's own
 * routes (health, metrics, 404).
 * <p>
 * The gateway's routes run right after the trace id is assigned and before the shared body-size
 * filter (same order, registered first): the gateway streams bodies to the backends and applies its own
 * limit, because webhook deliveries may be up to 25 MB while the gateway's own endpoints take 1 MB.
 */
@ApplicationScoped
public class GatewayRoutes {

    static final int ORDER = Integer.MIN_VALUE + 1;
    /** Before the default observer priority, so that these routes precede others of the same order. */
    static final int REGISTER_FIRST = 100;

    private final CorsHandler cors;
    private final GatewayHandler gateway;
    private final RouteTable routes;
    private final GatewayConfig config;

    public GatewayRoutes(GatewayConfig config, RouteTable routes, ClientAddress addresses, Authenticator authenticator,
            RateLimiter limiter, BackendProxy proxy, HttpClients clients, RequestMetrics metrics,
            SystemRoutes system) {
        this.config = config;
        this.routes = routes;
        this.cors = new CorsHandler(config.corsOrigins());
        this.gateway = new GatewayHandler(routes, addresses, authenticator, limiter, proxy, clients, metrics, config,
                system.routes());
    }

    void register(@Observes @Priority(REGISTER_FIRST) Router router) {
        String prefix = config.prefix().endsWith("/") ? config.prefix() : config.prefix() + "/";
        router.route(prefix + "*").order(ORDER).handler(cors).handler(gateway);
        for (String path : routes.pathsOutsidePrefix()) {
            router.route(path).order(ORDER).handler(cors).handler(gateway);
        }
    }
}
