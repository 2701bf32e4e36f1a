package io.gitinsight.support.error;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.Logger;

import io.gitinsight.model.error.ErrorCode;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * The contract's error body for what fails before a REST resource is reached: no route at all, a method
 * no route takes, a body over the size limit, or a failure inside a plain Vert.x route.
 */
@ApplicationScoped
public class RouterErrorHandlers {

    private static final Logger LOG = Logger.getLogger(RouterErrorHandlers.class);

    void register(@Observes Router router) {
        router.errorHandler(404, ctx -> write(ctx, 404, "no route for " + ctx.request().path()));
        router.errorHandler(405, ctx -> write(ctx, 405, ctx.request().method() + " is not allowed on "
                + ctx.request().path()));
        router.errorHandler(413, ctx -> write(ctx, 413, "the request body is larger than this endpoint accepts"));
        router.errorHandler(500, this::unexpected);
    }

    private void write(RoutingContext ctx, int status, String message) {
        ErrorResponses.write(ctx, status, ErrorCode.forStatus(status), message, Map.of());
    }

    private void unexpected(RoutingContext ctx) {
        if (ctx.failure() != null) {
            LOG.errorf(ctx.failure(), "unhandled failure on %s %s", ctx.request().method(), ctx.request().path());
        }
        write(ctx, 500, "an unexpected error occurred; quote the trace id when reporting it");
    }
}
