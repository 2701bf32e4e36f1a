package io.gitinsight.auth.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

import org.eclipse.microprofile.rest.client.inject.RestClient;

import io.gitinsight.auth.client.GitHubAppClient;
import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.domain.ClientInfo;
import io.gitinsight.auth.repository.GitHubTokenRepository;
import io.gitinsight.auth.security.AccessTokens.Caller;
import io.gitinsight.auth.security.SecretCipher;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/** The stored GitHub connection of a user: disconnecting it, and handing it to ingestion. */
@ApplicationScoped
public class GitHubConnectionService {

    private final AuthConfig config;
    private final GitHubTokenRepository tokens;
    private final SecretCipher cipher;
    private final GitHubAppClient github;
    private final Pool pool;
    private final AuditService audit;

    public GitHubConnectionService(AuthConfig config, GitHubTokenRepository tokens, SecretCipher cipher,
            @RestClient GitHubAppClient github, Pool pool, AuditService audit) {
        this.config = config;
        this.tokens = tokens;
        this.cipher = cipher;
        this.github = github;
        this.pool = pool;
        this.audit = audit;
    }

    /**
     * Revokes the grant at GitHub, then deletes the stored token. When GitHub cannot be reached the token
     * is kept and the caller told (502), so that a retry can still revoke it.
     */
    public Uni<Void> disconnect(Caller caller, ClientInfo client) {
        return tokens.find(caller.userId()).chain(sealed -> {
            if (sealed == null) {
                return Uni.createFrom().voidItem();
            }
            String token = new String(cipher.open(sealed), StandardCharsets.UTF_8);
            return revokeAtGitHub(token).chain(() -> pool.withTransaction(db -> tokens.delete(db, caller.userId())
                    .chain(deleted -> audit.record(db, new AuditEntry(caller.userId(), caller.login(),
                            AuditEntry.Action.GITHUB_DISCONNECTED, "user:" + caller.userId(), client.ip(),
                            client.userAgent(), Map.of("grant_revoked", true))))));
        });
    }

    /** The user's GitHub token in clear, for ingestion-service's private clones; never logged. */
    public Uni<String> tokenOf(UUID userId) {
        return tokens.find(userId).map(sealed -> {
            if (sealed == null) {
                throw new ApiException(ErrorCode.NOT_FOUND, "user " + userId + " has no GitHub connection",
                        Map.of("id", userId.toString()));
            }
            return new String(cipher.open(sealed), StandardCharsets.UTF_8);
        });
    }

    private Uni<Void> revokeAtGitHub(String token) {
        String clientId = config.github().clientId().orElse("");
        String basic = "Basic " + Base64.getEncoder().encodeToString(
                (clientId + ":" + config.github().clientSecret().orElse("")).getBytes(StandardCharsets.UTF_8));
        return github.revokeGrant(clientId, basic, new GitHubAppClient.GrantRevocation(token)).onFailure()
                .recoverWithUni(e -> {
                    if (e instanceof WebApplicationException w && w.getResponse().getStatus() == 404) {
                        return Uni.createFrom().voidItem(); // the grant is already gone
                    }
                    String why = e instanceof WebApplicationException w ? "GitHub answered " + w.getResponse().getStatus()
                            : "GitHub unreachable";
                    return Uni.createFrom().failure(new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502,
                            "could not revoke the grant at GitHub: " + why, Map.of("upstream", "github"), e));
                });
    }
}
