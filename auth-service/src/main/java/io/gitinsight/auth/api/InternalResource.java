package io.gitinsight.auth.api;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

import org.jboss.resteasy.reactive.RestHeader;
import org.jboss.resteasy.reactive.RestPath;

import io.gitinsight.auth.service.ApiKeyService;
import io.gitinsight.auth.service.GitHubConnectionService;
import io.gitinsight.auth.service.LocalOperatorService;
import io.gitinsight.support.security.InternalCallers;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;

/**
 * Service-to-service endpoints: never routed by the gateway, authenticated with the internal token. The
 * gateway verifies API keys here; ingestion-service reads a user's GitHub token for private clones; the
 * local platform's scripts sign in its operator.
 */
@Path("/internal")
public class InternalResource {

    public record KeyCheck(@NotBlank @Size(max = 100) String key) {
    }

    public record KeyOwner(UUID keyId, UUID userId, String login, String role, List<String> scopes,
            int rateLimitPerHour, Instant expiresAt) {
    }

    public record GitHubToken(UUID userId, String accessToken) {
        @Override
        public String toString() {
            return "GitHubToken[userId=" + userId + ", accessToken=***]";
        }
    }

    private final InternalCallers internal;
    private final ApiKeyService keys;
    private final GitHubConnectionService connections;
    private final LocalOperatorService localOperator;

    public InternalResource(InternalCallers internal, ApiKeyService keys, GitHubConnectionService connections,
            LocalOperatorService localOperator) {
        this.internal = internal;
        this.keys = keys;
        this.connections = connections;
        this.localOperator = localOperator;
    }

    @POST
    @Path("/api-keys/verify")
    public Uni<KeyOwner> verifyKey(@RestHeader(InternalCallers.HEADER) String token, @Valid @NotNull KeyCheck body) {
        internal.require(token);
        return keys.verify(body.key()).map(k -> new KeyOwner(k.keyId(), k.userId(), k.login(), k.role().value(),
                k.scopes(), k.rateLimitPerHour(), k.expiresAt()));
    }

    /**
     * Signs in the local platform's operator (an admin) and answers the tokens as the OAuth callback does:
     * how {@code deploy/local/up.sh} adds and analyzes its sample repository. 404 unless
     * {@code GITINSIGHT_LOCAL_OPERATOR=true}.
     */
    @POST
    @Path("/local-operator/session")
    public Uni<AuthResource.TokenResponse> localOperatorSession(@RestHeader(InternalCallers.HEADER) String token,
            HttpServerRequest request) {
        internal.require(token);
        return localOperator.signIn(Clients.of(request)).map(AuthResource.TokenResponse::of);
    }

    @GET
    @Path("/users/{id}/github-token")
    public Uni<GitHubToken> githubToken(@RestHeader(InternalCallers.HEADER) String token, @RestPath("id") UUID id) {
        internal.require(token);
        return connections.tokenOf(id).map(accessToken -> new GitHubToken(id, accessToken));
    }
}
