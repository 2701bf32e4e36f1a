package io.gitinsight.query.security;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.HttpHeaders;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import io.smallrye.mutiny.Uni;

/**
 * Defence in depth behind the gateway: a request that carries an access token must carry a valid one,
 * even on public reads; a forged or expired token is a 401 here too. API keys are checked where a
 * permission depends on them (the export), not on every read, which would put auth-service on the
 * path of every cached answer.
 */
public class TokenFilter {

    private final CredentialVerifier credentials;

    public TokenFilter(CredentialVerifier credentials) {
        this.credentials = credentials;
    }

    @ServerRequestFilter
    public Uni<Void> verifyCarriedToken(ContainerRequestContext request) {
        String authorization = request.getHeaderString(HttpHeaders.AUTHORIZATION);
        if (authorization == null || authorization.regionMatches(true, 0, CredentialVerifier.BEARER + ApiKeyVerifier.PREFIX,
                0, CredentialVerifier.BEARER.length() + ApiKeyVerifier.PREFIX.length())) {
            return Uni.createFrom().voidItem();
        }
        return credentials.verify(authorization, null, null).replaceWithVoid();
    }
}
