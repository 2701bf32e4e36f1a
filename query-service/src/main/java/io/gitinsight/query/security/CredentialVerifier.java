package io.gitinsight.query.security;

import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.gitinsight.support.security.VerifiedToken;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;

/**
 * Who a request is from, as far as its credentials prove: an access token ({@code Authorization: Bearer},
 * or {@code ?access_token=} where a browser cannot set headers, i.e. WebSocket upgrades), an API key
 * ({@code X-API-Key} or {@code Bearer gik_…}), or nobody (empty). Credentials that are present but wrong
 * fail with 401; they never fall back to anonymous.
 */
@ApplicationScoped
public class CredentialVerifier {

    static final String BEARER = "Bearer ";

    private final AccessTokenVerifier tokens;
    private final ApiKeyVerifier apiKeys;

    public CredentialVerifier(AccessTokenVerifier tokens, ApiKeyVerifier apiKeys) {
        this.tokens = tokens;
        this.apiKeys = apiKeys;
    }

    public Uni<Optional<VerifiedToken>> verify(String authorization, String apiKey, String queryToken) {
        if (apiKey != null && !apiKey.isBlank()) {
            return apiKeys.verify(apiKey.trim()).map(Optional::of);
        }
        if (authorization != null) {
            if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
                return Uni.createFrom().failure(new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
                        "only Bearer credentials (an access token or an API key) are accepted"));
            }
            return credential(authorization.substring(BEARER.length()).trim()).map(Optional::of);
        }
        if (queryToken != null && !queryToken.isBlank()) {
            return credential(queryToken.trim()).map(Optional::of);
        }
        return Uni.createFrom().item(Optional.empty());
    }

    private Uni<VerifiedToken> credential(String credential) {
        return credential.startsWith(ApiKeyVerifier.PREFIX) ? apiKeys.verify(credential)
                : UniHelper.toUni(tokens.verify(credential));
    }
}
