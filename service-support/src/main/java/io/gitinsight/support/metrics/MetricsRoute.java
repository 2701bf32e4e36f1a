package io.gitinsight.support.metrics;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.micrometer.prometheus.PrometheusMeterRegistry;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Serves {@code GET /metrics} in the Prometheus text format, strict enough for {@code promtool}. The
 * registry's raw scrape stays at {@code /q/metrics}.
 */
@ApplicationScoped
public class MetricsRoute {

    static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

    private final PrometheusMeterRegistry registry;

    public MetricsRoute(PrometheusMeterRegistry registry) {
        this.registry = registry;
    }

    void register(@Observes Router router) {
        router.get("/metrics").blockingHandler(this::scrape, false);
    }

    private void scrape(RoutingContext ctx) {
        String body = StrictTextFormat.normalize(registry.scrape());
        ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, CONTENT_TYPE).end(body);
    }
}
