package io.gitinsight.support.error;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.gitinsight.model.error.ErrorCode;
import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Refuses a body whose declared length is over {@code quarkus.http.limits.max-body-size} with the
 * contract's 413 before a byte of it is read (Vert.x's own refusal has no body). A chunked body without
 * a length is still cut off at the same limit by Vert.x.
 */
@ApplicationScoped
public class BodyLimitFilter {

    private final long maxBodySize;

    public BodyLimitFilter(@ConfigProperty(name = "quarkus.http.limits.max-body-size") MemorySize maxBodySize) {
        this.maxBodySize = maxBodySize.asLongValue();
    }

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(this::check);
    }

    private void check(RoutingContext ctx) {
        String length = ctx.request().getHeader(HttpHeaders.CONTENT_LENGTH);
        if (length != null && exceeds(length)) {
            ctx.request().pause();
            ctx.response().putHeader(HttpHeaders.CONNECTION, "close");
            ErrorResponses.write(ctx, 413, ErrorCode.PAYLOAD_TOO_LARGE,
                    "the request body is larger than the " + maxBodySize + " bytes this service accepts",
                    Map.of("max_bytes", maxBodySize));
            return;
        }
        ctx.next();
    }

    private boolean exceeds(String length) {
        try {
            return Long.parseLong(length.trim()) > maxBodySize;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
