package io.gitinsight.query.service;

import java.util.Map;
import java.util.UUID;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;

/** The 404s of the read side. */
public final class NotFound {

    private NotFound() {
    }

    public static ApiException repository(UUID id) {
        return new ApiException(ErrorCode.REPOSITORY_NOT_FOUND, "repository " + id + " does not exist",
                Map.of("id", id.toString()));
    }
}
