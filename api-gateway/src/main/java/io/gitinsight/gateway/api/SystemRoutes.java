package io.gitinsight.gateway.api;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.gateway.proxy.GatewayHandler.LocalRoute;
import io.gitinsight.gateway.security.Authenticator;
import io.gitinsight.gateway.service.OpenApiMerger;
import io.gitinsight.gateway.service.SystemStatsService;
import io.gitinsight.gateway.service.SystemStatusService;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ErrorResponses;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.RoutingContext;

/**
 * The answers the gateway gives itself, by route name in the route table: {@code /system/status},
 * {@code /system/stats} (both {@code admin:system}, checked by the gateway like any route) and the
 * merged OpenAPI document.
 */
@ApplicationScoped
public class SystemRoutes {

    private static final Logger LOG = Logger.getLogger(SystemRoutes.class);

    private final SystemStatusService status;
    private final SystemStatsService stats;
    private final OpenApiMerger openApi;

    public SystemRoutes(SystemStatusService status, SystemStatsService stats, OpenApiMerger openApi) {
        this.status = status;
        this.stats = stats;
        this.openApi = openApi;
    }

    public Map<String, LocalRoute> routes() {
        return Map.of("system-status", (ctx, caller) -> answer(ctx, status.status()),
                "system-stats", (ctx, caller) -> answer(ctx, stats.stats(credentials(ctx))),
                "openapi-merged", (ctx, caller) -> answer(ctx, openApi.merged()));
    }

    /** The caller's own credentials, passed on where the gateway reads a backend on the caller's behalf. */
    private static Map<String, String> credentials(RoutingContext ctx) {
        Map<String, String> headers = new LinkedHashMap<>();
        String authorization = ctx.request().getHeader(HttpHeaders.AUTHORIZATION);
        String apiKey = ctx.request().getHeader(Authenticator.API_KEY_HEADER);
        if (authorization != null) {
            headers.put(HttpHeaders.AUTHORIZATION.toString(), authorization);
        }
        if (apiKey != null) {
            headers.put(Authenticator.API_KEY_HEADER, apiKey);
        }
        return headers;
    }

    private static void answer(RoutingContext ctx, Future<JsonObject> body) {
        body.onComplete(result -> {
            if (result.failed()) {
                LOG.error("a gateway answer failed", result.cause());
                ErrorResponses.write(ctx, 500, ErrorCode.INTERNAL_SERVER_ERROR,
                        "an unexpected error occurred; quote the trace id when reporting it", Map.of());
                return;
            }
            ctx.response().putHeader(HttpHeaders.CONTENT_TYPE, "application/json").end(result.result().encode());
        });
    }

}
