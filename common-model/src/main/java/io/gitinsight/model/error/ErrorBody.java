package io.gitinsight.model.error;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The body of every answer with status >= 400: {@code {"error": {code, message, details, trace_id}}}. */
public record ErrorBody(Error error) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Error(String code, String message, Map<String, Object> details, String traceId) {
        public Error {
            details = details == null ? Map.of() : details;
        }
    }

    public static ErrorBody of(ErrorCode code, String message, Map<String, Object> details, String traceId) {
        return new ErrorBody(new Error(code.name(), message, details, traceId));
    }
}
