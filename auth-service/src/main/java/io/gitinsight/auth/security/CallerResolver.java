package io.gitinsight.auth.security;

import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.security.AccessTokens.Caller;
import io.gitinsight.auth.service.ApiKeyService;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Turns the credentials of a request into a verified caller, or the contract's 401/403. An access token
 * ({@code Authorization: Bearer <jwt>}) is verified here; an API key ({@code X-API-Key: gik_…} or
 * {@code Authorization: Bearer gik_…}) against the stored keys, acting as its owner within its scopes.
 * What only a signed-in session may do (sign out, disconnect GitHub, create keys) refuses API keys (403).
 */
@ApplicationScoped
public class CallerResolver {

    private final AccessTokens tokens;
    private final ApiKeyService keys;

    public CallerResolver(AccessTokens tokens, ApiKeyService keys) {
        this.tokens = tokens;
        this.keys = keys;
    }

    /** A caller with an access token or an API key. */
    public Uni<Caller> resolve(String authorization, String apiKey) {
        String key = apiKey != null && !apiKey.isBlank() ? apiKey.trim() : bearerKey(authorization);
        if (key == null) {
            return Uni.createFrom().item(() -> require(authorization));
        }
        return keys.verify(key).map(verified -> Caller.withApiKey(verified.userId(), verified.login(), verified.role(),
                verified.keyId(), verified.scopes().stream().map(Permission::fromValue).flatMap(java.util.Optional::stream)
                        .collect(java.util.stream.Collectors.toSet())));
    }

    /** A caller with an access token or an API key that holds {@code permission}. */
    public Uni<Caller> resolve(String authorization, String apiKey, Permission permission) {
        return resolve(authorization, apiKey).invoke(caller -> check(caller, permission));
    }

    /** A signed-in session's caller, for what an API key may not do: a key that comes instead is a 403. */
    public Caller requireSession(String authorization, String apiKey) {
        if (authorization == null && apiKey != null && !apiKey.isBlank()) {
            throw keyRefused();
        }
        return require(authorization);
    }

    /** A signed-in session's caller: an access token only. */
    public Caller require(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "a Bearer access token is required");
        }
        if (bearerKey(authorization) != null) {
            throw keyRefused();
        }
        try {
            return tokens.verify(authorization.substring(7).trim());
        } catch (AccessTokens.InvalidTokenException e) {
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, e.getMessage(), Map.of("reason", e.getMessage()));
        }
    }

    public Caller require(String authorization, Permission permission) {
        Caller caller = require(authorization);
        check(caller, permission);
        return caller;
    }

    private static void check(Caller caller, Permission permission) {
        if (!caller.has(permission)) {
            throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, "this needs the " + permission.value() + " permission",
                    Map.of("permission", permission.value(), "role", caller.role().value()));
        }
    }

    private static ApiException keyRefused() {
        return new ApiException(ErrorCode.AUTHORIZATION_DENIED,
                "an API key cannot do this: it needs a signed-in session's access token", Map.of("credential", "api_key"));
    }

    private static String bearerKey(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        String credential = authorization.substring(7).trim();
        return credential.startsWith(ApiKeyService.PREFIX) ? credential : null;
    }
}
