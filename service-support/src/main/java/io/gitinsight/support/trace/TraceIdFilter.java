package io.gitinsight.support.trace;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.jboss.logging.MDC;

import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;

/**
 * Gives every request a trace id before anything else runs: put in the logging MDC (so JSON logs carry
 * {@code trace_id}), on the routing context (so error bodies carry it) and echoed as
 * {@code X-Request-Id}.
 */
@ApplicationScoped
public class TraceIdFilter {

    public static final String HEADER = "X-Request-Id";
    public static final String TRACEPARENT = "traceparent";
    public static final String MDC_KEY = "trace_id";
    static final String CONTEXT_KEY = "gitinsight.trace_id";

    void register(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE).handler(this::assign);
    }

    private void assign(RoutingContext ctx) {
        String traceId = TraceIds.choose(ctx.request().getHeader(HEADER), ctx.request().getHeader(TRACEPARENT));
        ctx.put(CONTEXT_KEY, traceId);
        MDC.put(MDC_KEY, traceId);
        ctx.response().putHeader(HEADER, traceId);
        ctx.next();
    }

    /** The trace id of the request being handled, or a fresh one outside a request. */
    public static String traceId(RoutingContext ctx) {
        String fromContext = ctx == null ? null : ctx.get(CONTEXT_KEY);
        if (fromContext != null) {
            return fromContext;
        }
        Object fromMdc = MDC.get(MDC_KEY);
        return fromMdc != null ? fromMdc.toString() : TraceIds.generate();
    }
}
