package io.gitinsight.gateway.security;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.vertx.core.Future;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;

/**
 * Finds out who is calling from the credentials a request carries: an API key ({@code X-API-Key} or
 * {@code Authorization: Bearer gik_…}), an access token ({@code Authorization: Bearer …}), for a WebSocket
 * upgrade also {@code ?access_token=} (browsers cannot set headers there), or nothing at all (a guest).
 * Credentials that are present but wrong fail with 401; they never fall back to guest.
 */
public class Authenticator {

    public static final String API_KEY_HEADER = "X-API-Key";
    static final String BEARER = "Bearer ";

    private final AccessTokenVerifier tokens;
    private final ApiKeyVerifier apiKeys;

    public Authenticator(AccessTokenVerifier tokens, ApiKeyVerifier apiKeys) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
    }

    /** @param clientAddress who a guest is, for the guest's rate-limit bucket */
    public Future<Caller> authenticate(HttpServerRequest request, String clientAddress, boolean webSocket) {
        String apiKey = request.getHeader(API_KEY_HEADER);
        if (apiKey != null) {
            return apiKeys.verify(apiKey.trim());
        }
        String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Future.failedFuture(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
                        "only Bearer credentials (an access token or an API key) are accepted"));
            }
            return verify(authorization.substring(BEARER.length()).trim());
        }
        String queryToken = webSocket ? request.getParam("access_token") : null;
        if (queryToken != null && !queryToken.isBlank()) {
            return verify(queryToken.trim());
        }
        return Future.succeededFuture(Caller.guest(clientAddress));
    }

    private Future<Caller> verify(String credential) {
        return credential.startsWith(ApiKeyVerifier.PREFIX) ? apiKeys.verify(credential)
                : tokens.verify(credential).map(Caller::of);
    }
}
