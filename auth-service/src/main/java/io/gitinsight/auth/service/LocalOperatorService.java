package io.gitinsight.auth.service;

import java.time.Instant;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.domain.ClientInfo;
import io.gitinsight.auth.domain.GitHubProfile;
import io.gitinsight.auth.repository.UserRepository;
import io.gitinsight.auth.service.TokenService.TokenPair;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * Sessions for the operator of a local platform: {@code deploy/local/up.sh} analyzes a sample repository
 * for a newcomer on a machine where GitHub's OAuth cannot run (no OAuth app, often no network). Only with
 * {@code GITINSIGHT_LOCAL_OPERATOR=true} (the local profile sets it; off everywhere else), only for callers
 * holding the internal service token, and never through the gateway. The operator is an admin user of
 * its own, with a GitHub id no GitHub account has (-1), signed in like anyone else: audited, with an
 * access token and a refresh token.
 */
@ApplicationScoped
public class LocalOperatorService {

    static final GitHubProfile OPERATOR = new GitHubProfile(-1, "local-operator", "Local operator", null, null,
            "The operator of this machine's GitInsight", null, null, null);

    private final AuthConfig config;
    private final Pool pool;
    private final UserRepository users;
    private final AuditService audit;
    private final TokenService tokens;

    public LocalOperatorService(AuthConfig config, Pool pool, UserRepository users, AuditService audit,
            TokenService tokens) {
        this.config = config;
        this.pool = pool;
        this.users = users;
        this.audit = audit;
        this.tokens = tokens;
    }

    public Uni<TokenPair> signIn(ClientInfo client) {
        if (!config.localOperator()) {
            return Uni.createFrom().failure(new ApiException(ErrorCode.NOT_FOUND,
                    "local operator sessions are off: they exist only where GITINSIGHT_LOCAL_OPERATOR=true",
                    Map.of("setting", "GITINSIGHT_LOCAL_OPERATOR")));
        }
        return pool.withTransaction(db -> users.upsert(db, OPERATOR, Role.ADMIN, Instant.now())
                .call(user -> audit.record(db, new AuditEntry(user.id(), user.username(), AuditEntry.Action.LOGIN,
                        "user:" + user.id(), client.ip(), client.userAgent(), Map.of("local_operator", true))))
                .chain(user -> tokens.issue(db, user)));
    }
}
