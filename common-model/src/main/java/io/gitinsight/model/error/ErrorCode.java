package io.gitinsight.model.error;

import java.util.Arrays;
import java.util.Optional;

/**
 * The error codes of CONTRACT §2 with their HTTP status. {@code METHOD_NOT_ALLOWED},
 * {@code NOT_ACCEPTABLE} and {@code UNSUPPORTED_MEDIA_TYPE} are not in the contract's list: they name
 * the protocol errors 405, 406 and 415, which no other code describes.
 */
public enum ErrorCode {
    VALIDATION_ERROR(400),
    AUTHENTICATION_REQUIRED(401),
    AUTHORIZATION_DENIED(403),
    NOT_FOUND(404),
    REPOSITORY_NOT_FOUND(404),
    METHOD_NOT_ALLOWED(405),
    NOT_ACCEPTABLE(406),
    CONFLICT(409),
    ANALYSIS_IN_PROGRESS(409),
    PAYLOAD_TOO_LARGE(413),
    UNSUPPORTED_MEDIA_TYPE(415),
    RATE_LIMIT_EXCEEDED(429),
    INTERNAL_SERVER_ERROR(500),
    UPSTREAM_UNAVAILABLE(503);

    private final int status;

    ErrorCode(int status) {
        this.status = status;
    }

    /** The status this code is answered with unless the situation names a more precise one (502 vs 503). */
    public int status() {
        return status;
    }

    /** The generic code for an HTTP status, for errors raised by the framework rather than by us. */
    public static ErrorCode forStatus(int status) {
        Optional<ErrorCode> exact = Arrays.stream(values()).filter(c -> c.status == status).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        if (status == 502 || status == 504) {
            return UPSTREAM_UNAVAILABLE;
        }
        return status >= 500 ? INTERNAL_SERVER_ERROR : VALIDATION_ERROR;
    }
}
