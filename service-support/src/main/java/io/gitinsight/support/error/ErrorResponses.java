package io.gitinsight.support.error;

import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.gitinsight.model.error.ErrorBody;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.trace.TraceIdFilter;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.RoutingContext;

/** Writes the contract's error body straight onto a Vert.x response, for errors raised outside REST resources. */
public final class ErrorResponses {

    private ErrorResponses() {
    }

    public static void write(RoutingContext ctx, int status, ErrorCode code, String message,
            Map<String, Object> details) {
        if (ctx.response().headWritten()) {
            ctx.response().close();
            return;
        }
        ErrorBody body = ErrorBody.of(code, message, details, TraceIdFilter.traceId(ctx));
        ctx.response().setStatusCode(status).putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                .end(toJson(body));
    }

    public static String toJson(ErrorBody body) {
        try {
            return Json.mapper().writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("error body cannot be serialized", e);
        }
    }
}
