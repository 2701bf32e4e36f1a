package io.gitinsight.auth.service;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.config.AuthConfig;
import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.domain.ClientInfo;
import io.gitinsight.auth.domain.User;
import io.gitinsight.auth.repository.RefreshTokenRepository;
import io.gitinsight.auth.repository.UserRepository;
import io.gitinsight.auth.security.AccessTokens;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.Digests;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlClient;

/**
 * Token pairs. A refresh token is 256 random bits shown once and stored as its SHA-256; every use
 * rotates it within its family. Presenting a token that was already rotated means it was copied: the
 * whole family is revoked and the reuse is audited.
 */
@ApplicationScoped
public class TokenService {

    public record TokenPair(String accessToken, String refreshToken, long expiresIn, User user) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Pool pool;
    private final RefreshTokenRepository refreshTokens;
    private final UserRepository users;
    private final AccessTokens accessTokens;
    private final AuditService audit;
    private final AuthConfig config;

    public TokenService(Pool pool, RefreshTokenRepository refreshTokens, UserRepository users,
            AccessTokens accessTokens, AuditService audit, AuthConfig config) {
        this.pool = pool;
        this.refreshTokens = refreshTokens;
        this.users = users;
        this.accessTokens = accessTokens;
        this.audit = audit;
        this.config = config;
    }

    /** A new pair starting a new family (a login). */
    public Uni<TokenPair> issue(SqlClient db, User user) {
        return pair(db, user, UUID.randomUUID());
    }

    public Uni<TokenPair> refresh(String presented, ClientInfo client) {
        byte[] hash = hash(presented);
        return pool.withTransaction(db -> refreshTokens.lockByHash(db, hash).chain(stored -> {
            if (stored == null || stored.revokedAt() != null || stored.expiresAt().isBefore(Instant.now())) {
                return Uni.createFrom().failure(invalid());
            }
            if (stored.rotatedAt() != null) {
                return refreshTokens.revokeFamily(db, stored.familyId())
                        .chain(revoked -> audit.record(db, new AuditEntry(stored.userId(), null,
                                AuditEntry.Action.REFRESH_REUSE_DETECTED, "refresh_token_family:" + stored.familyId(),
                                client.ip(), client.userAgent(), Map.of("revoked_tokens", revoked))))
                        .replaceWith(Uni.createFrom().<TokenPair> nullItem());
            }
            return refreshTokens.markRotated(db, stored.id()).chain(() -> users.findById(stored.userId()))
                    .chain(user -> pair(db, user, stored.familyId()));
        })).onItem().ifNull().failWith(this::invalid);
    }

    /** Revokes every refresh token of the user; access tokens expire on their own within minutes. */
    public Uni<Integer> logout(AccessTokens.Caller caller, ClientInfo client) {
        return pool.withTransaction(db -> refreshTokens.revokeAllOfUser(db, caller.userId())
                .call(revoked -> audit.record(db, new AuditEntry(caller.userId(), caller.login(),
                        AuditEntry.Action.LOGOUT, "user:" + caller.userId(), client.ip(), client.userAgent(),
                        Map.of("revoked_tokens", revoked)))));
    }

    private Uni<TokenPair> pair(SqlClient db, User user, UUID familyId) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String refresh = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        Instant expires = Instant.now().plus(config.refreshTokenTtl());
        AccessTokens.Issued access = accessTokens.issue(user);
        return refreshTokens.insert(db, user.id(), familyId, hash(refresh), expires)
                .replaceWith(new TokenPair(access.token(), refresh, access.expiresInSeconds(), user));
    }

    private ApiException invalid() {
        return new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "refresh token invalid, expired or revoked");
    }

    static byte[] hash(String token) {
        return Digests.sha256(token);
    }
}
