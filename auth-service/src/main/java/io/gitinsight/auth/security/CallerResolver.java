package io.gitinsight.auth.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.security.AccessTokens.Caller;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.error.ApiException;

/** Turns an {@code Authorization} header into a verified caller, or the contract's 401/403. */
@ApplicationScoped
public class CallerResolver {

    private final AccessTokens tokens;

    public CallerResolver(AccessTokens tokens) {
        this.tokens = tokens;
    }

    public Caller require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "a Bearer access token is required");
        }
        try {
            return tokens.verify(authorization.substring(7).trim());
        } catch (AccessTokens.InvalidTokenException e) {
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, e.getMessage(), Map.of("reason", e.getMessage()));
        }
    }

    public Caller require(String authorization, Permission permission) {
        Caller caller = require(authorization);
        if (!caller.has(permission)) {
            throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, "this needs the " + permission.value() + " permission",
                    Map.of("permission", permission.value(), "role", caller.role().value()));
        }
        return caller;
    }
}
