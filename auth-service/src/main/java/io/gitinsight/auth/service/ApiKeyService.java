package io.gitinsight.auth.service;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.auth.domain.ApiKey;
import io.gitinsight.auth.domain.AuditEntry;
import io.gitinsight.auth.domain.ClientInfo;
import io.gitinsight.auth.repository.ApiKeyRepository;
import io.gitinsight.auth.repository.ApiKeyRepository.OwnedKey;
import io.gitinsight.auth.security.AccessTokens.Caller;
import io.gitinsight.model.api.Page;
import io.gitinsight.model.api.PageRequest;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;

/**
 * API keys: {@code gik_} and 256 random bits, shown once, stored as SHA-256. A key's scopes are a subset
 * of its creator's permissions when created, and a key never grants more than its owner's role allows
 * now, so demoting a user narrows their keys at once.
 */
@ApplicationScoped
public class ApiKeyService {

    public static final String PREFIX = "gik_";
    static final int DEFAULT_RATE_LIMIT = 1000;

    public record NewKey(String name, List<String> scopes, Integer expiresInDays, Integer rateLimitPerHour) {
    }

    public record CreatedKey(ApiKey key, String secret) {
    }

    /** What the gateway learns about a valid key. */
    public record VerifiedKey(UUID keyId, UUID userId, String login, Role role, List<String> scopes,
            int rateLimitPerHour, Instant expiresAt) {
    }

    private final SecureRandom random = new SecureRandom();
    private final Pool pool;
    private final ApiKeyRepository keys;
    private final AuditService audit;

    public ApiKeyService(Pool pool, ApiKeyRepository keys, AuditService audit) {
        this.pool = pool;
        this.keys = keys;
        this.audit = audit;
    }

    public Uni<CreatedKey> create(Caller caller, NewKey request, ClientInfo client) {
        List<String> scopes = scopesFor(caller.role(), request.scopes());
        int limit = request.rateLimitPerHour() == null ? Math.min(DEFAULT_RATE_LIMIT, caller.role().requestsPerHour())
                : request.rateLimitPerHour();
        if (limit > caller.role().requestsPerHour() && caller.role() != Role.ADMIN) {
            throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, "only an admin may set a rate limit above "
                    + caller.role().requestsPerHour() + " per hour", Map.of("field", "rate_limit_per_hour"));
        }
        byte[] secretBytes = new byte[32];
        random.nextBytes(secretBytes);
        String secret = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secretBytes);
        Instant expiresAt = request.expiresInDays() == null ? null
                : Instant.now().plus(Duration.ofDays(request.expiresInDays()));
        ApiKey key = new ApiKey(UUID.randomUUID(), caller.userId(), request.name().trim(), secret.substring(0, 12),
                scopes, limit, expiresAt, null, null, null);
        return pool.withTransaction(db -> keys.insert(db, key, TokenService.hash(secret))
                .call(stored -> audit.record(db, new AuditEntry(caller.userId(), caller.login(),
                        AuditEntry.Action.API_KEY_CREATED, "api_key:" + stored.id(), client.ip(), client.userAgent(),
                        Map.of("name", stored.name(), "scopes", scopes, "rate_limit_per_hour", limit)))))
                .map(stored -> new CreatedKey(stored, secret));
    }

    public Uni<Page<ApiKey>> list(Caller caller, PageRequest page) {
        return keys.countOfUser(caller.userId())
                .chain(total -> keys.listOfUser(caller.userId(), page).map(list -> Page.of(list, total, page)));
    }

    /** Revokes one of the caller's keys (an admin may revoke anyone's). */
    public Uni<Void> revoke(Caller caller, UUID id, ClientInfo client) {
        return pool.withTransaction(db -> keys.findById(db, id).chain(key -> {
            if (key == null || (!key.userId().equals(caller.userId()) && !caller.has(Permission.ADMIN_USERS))) {
                return Uni.createFrom().failure(ApiException.notFound("API key", id));
            }
            return keys.revoke(db, id).chain(revoked -> audit.record(db, new AuditEntry(caller.userId(),
                    caller.login(), AuditEntry.Action.API_KEY_REVOKED, "api_key:" + id, client.ip(),
                    client.userAgent(), Map.of("owner", key.userId().toString(), "already_revoked", !revoked))));
        }));
    }

    /** The key's owner, role, effective scopes and limit; a revoked, expired or unknown key is a 401. */
    public Uni<VerifiedKey> verify(String secret) {
        if (secret == null || !secret.startsWith(PREFIX) || secret.length() > 100) {
            return Uni.createFrom().failure(unknownKey());
        }
        Instant now = Instant.now();
        return keys.findByHash(TokenService.hash(secret)).chain(found -> {
            if (found == null || !found.key().usableAt(now)) {
                return Uni.createFrom().failure(unknownKey());
            }
            return keys.touch(found.key().id(), now).replaceWith(verified(found));
        });
    }

    private static VerifiedKey verified(OwnedKey found) {
        Role role = found.owner().role();
        List<String> effective = found.key().scopes().stream()
                .filter(s -> Permission.fromValue(s).map(role::has).orElse(false)).toList();
        return new VerifiedKey(found.key().id(), found.owner().id(), found.owner().username(), role, effective,
                found.key().rateLimitPerHour(), found.key().expiresAt());
    }

    private static List<String> scopesFor(Role role, List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return role.permissions().stream().map(Permission::value).sorted().toList();
        }
        List<String> scopes = new ArrayList<>();
        for (String scope : requested) {
            Permission permission = Permission.fromValue(scope).orElseThrow(
                    () -> new ApiException(ErrorCode.VALIDATION_ERROR, "unknown scope " + scope, Map.of("field", "scopes")));
            if (!role.has(permission)) {
                throw new ApiException(ErrorCode.AUTHORIZATION_DENIED, "a " + role.value() + " cannot grant " + scope,
                        Map.of("field", "scopes", "scope", scope));
            }
            if (!scopes.contains(scope)) {
                scopes.add(scope);
            }
        }
        return scopes;
    }

    private static ApiException unknownKey() {
        return new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "API key unknown, revoked or expired");
    }
}
