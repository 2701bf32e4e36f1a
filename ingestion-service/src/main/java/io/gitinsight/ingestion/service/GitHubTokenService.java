package io.gitinsight.ingestion.service;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.gitinsight.ingestion.client.AuthRestClient;
import io.gitinsight.ingestion.config.GitHubConfig;
import io.gitinsight.ingestion.domain.GitHubCredentials;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * The GitHub token to act with for a user: theirs, asked of auth-service each time (it keeps tokens
 * encrypted; ingestion keeps none), else the server token, else none. A user without a GitHub connection
 * falls back; auth-service being unreachable is an error, not a silent fallback that would lose the
 * user's private repositories.
 */
@ApplicationScoped
public class GitHubTokenService {

    private static final Logger LOG = Logger.getLogger(GitHubTokenService.class);

    private final AuthRestClient auth;
    private final String internalToken;
    private final GitHubCredentials server;

    public GitHubTokenService(@RestClient AuthRestClient auth, GitHubConfig config,
            @ConfigProperty(name = "gitinsight.internal-token") Optional<String> internalToken) {
        this.auth = auth;
        this.internalToken = internalToken.orElse("");
        this.server = GitHubCredentials.server(config.token());
    }

    /** The credentials for {@code userId} (null: nobody in particular, e.g. a scheduled run). */
    public Uni<GitHubCredentials> forUser(UUID userId) {
        if (userId == null) {
            return Uni.createFrom().item(server);
        }
        return auth.githubToken(internalToken, userId).onFailure().transform(e -> unavailable(userId, "unreachable", e))
                .map(response -> {
                    String body = response.hasEntity() ? response.readEntity(String.class) : "";
                    if (response.getStatus() == 404) {
                        LOG.infof("user %s has no GitHub connection: acting with the %s credentials", userId,
                                server.source().value());
                        return server;
                    }
                    if (response.getStatus() != 200) {
                        throw unavailable(userId, "answered " + response.getStatus(), null);
                    }
                    String token = accessToken(userId, body);
                    return token == null ? server : GitHubCredentials.user(token);
                });
    }

    private static String accessToken(UUID userId, String body) {
        try {
            String token = Json.mapper().readTree(body).path("access_token").asText("");
            return token.isBlank() ? null : token;
        } catch (java.io.IOException e) {
            throw unavailable(userId, "answered with a body that is not JSON", e);
        }
    }

    private static ApiException unavailable(UUID userId, String why, Throwable cause) {
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 503, "the GitHub token of user " + userId
                + " cannot be read now: auth-service " + why, Map.of("upstream", "auth-service"), cause);
    }
}
