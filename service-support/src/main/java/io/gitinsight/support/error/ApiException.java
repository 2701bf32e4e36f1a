package io.gitinsight.support.error;

import java.util.Map;

import io.gitinsight.model.error.ErrorCode;

/**
 * An error we raise on purpose: it carries the contract's code, a message fit for the caller, and
 * details such as the offending field. The status is the code's unless a more precise one is given
 * (502 vs 503 for {@code UPSTREAM_UNAVAILABLE}).
 */
public class ApiException extends RuntimeException {

    private final ErrorCode code;
    private final int status;
    private final Map<String, Object> details;

    public ApiException(ErrorCode code, String message) {
        this(code, code.status(), message, Map.of(), null);
    }

    public ApiException(ErrorCode code, String message, Map<String, Object> details) {
        this(code, code.status(), message, details, null);
    }

    public ApiException(ErrorCode code, int status, String message, Map<String, Object> details, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.status = status;
        this.details = details == null ? Map.of() : Map.copyOf(details);
    }

    public static ApiException notFound(String what, Object id) {
        return new ApiException(ErrorCode.NOT_FOUND, what + " " + id + " does not exist", Map.of("id", String.valueOf(id)));
    }

    public static ApiException invalid(String field, String message) {
        return new ApiException(ErrorCode.VALIDATION_ERROR, message, Map.of("field", field));
    }

    public ErrorCode code() {
        return code;
    }

    public int status() {
        return status;
    }

    public Map<String, Object> details() {
        return details;
    }
}
