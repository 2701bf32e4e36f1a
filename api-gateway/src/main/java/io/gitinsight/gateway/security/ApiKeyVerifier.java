package io.gitinsight.gateway.security;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;

import io.gitinsight.gateway.client.AuthClient.KeyOwner;
import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.gitinsight.support.security.Digests;
import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * Verifies API keys ({@code gik_…}) through auth-service and caches the answer in Redis, under the key's
 * SHA-256 (never the key itself), shared by every replica. An entry lives at most the cache TTL (and no
 * longer than the key itself), so a revoked key stops working everywhere within that time; unknown keys
 * are cached too, so that guessing keys does not become a load on auth-service. A key's permissions are
 * its scopes, within its owner's role.
 */
public class ApiKeyVerifier {

    public static final String PREFIX = "gik_";
    private static final String INVALID = "invalid";
    private static final Logger LOG = Logger.getLogger(ApiKeyVerifier.class);

    private final Function<String, Future<Optional<KeyOwner>>> authority;
    private final Redis redis;
    private final String prefix;
    private final Duration ttl;
    private final Clock clock;

    public ApiKeyVerifier(Function<String, Future<Optional<KeyOwner>>> authority, Redis redis, String prefix,
            Duration ttl, Clock clock) {
        this.authority = authority;
        this.redis = redis;
        this.prefix = prefix;
        this.ttl = ttl;
        this.clock = clock;
    }

    public Future<Caller> verify(String key) {
        if (!key.startsWith(PREFIX) || key.length() > 100) {
            return Future.failedFuture(AccessTokenVerifier.refused("not an API key"));
        }
        String cacheKey = prefix + "apikey:" + sha256(key);
        return cached(cacheKey).compose(hit -> hit != null ? Future.succeededFuture(hit) : ask(key, cacheKey))
                .compose(entry -> entry.equals(INVALID)
                        ? Future.failedFuture(AccessTokenVerifier.refused("API key unknown, revoked or expired"))
                        : Future.succeededFuture(caller(read(entry))));
    }

    private Future<String> cached(String cacheKey) {
        return redis.send(Request.cmd(Command.GET).arg(cacheKey)).map(r -> r == null ? null : r.toString())
                .recover(failure -> {
                    LOG.warnf("API-key cache unavailable, asking auth-service: %s", failure.getMessage());
                    return Future.succeededFuture(null);
                });
    }

    private Future<String> ask(String key, String cacheKey) {
        return authority.apply(key).map(owner -> {
            String entry = owner.map(ApiKeyVerifier::write).orElse(INVALID);
            long millis = ttl.toMillis();
            if (owner.isPresent() && owner.get().expiresAt() != null) {
                millis = Math.min(millis, owner.get().expiresAt().toEpochMilli() - clock.millis());
            }
            if (millis > 0) {
                redis.send(Request.cmd(Command.SET).arg(cacheKey).arg(entry).arg("PX").arg(millis))
                        .onFailure(f -> LOG.warnf("cannot cache an API-key check: %s", f.getMessage()));
            }
            return entry;
        });
    }

    static Caller caller(KeyOwner owner) {
        Role role = Role.fromValue(owner.role()).orElse(Role.GUEST);
        Set<Permission> scopes = EnumSet.noneOf(Permission.class);
        for (String scope : owner.scopes() == null ? List.<String> of() : owner.scopes()) {
            Permission.fromValue(scope).filter(role::has).ifPresent(scopes::add);
        }
        return new Caller(Caller.Kind.API_KEY, owner.userId(), owner.login(), role, Set.copyOf(scopes),
                "key:" + owner.keyId(), owner.rateLimitPerHour());
    }

    private static String write(KeyOwner owner) {
        try {
            return Json.mapper().writeValueAsString(owner);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static KeyOwner read(String entry) {
        try {
            return Json.mapper().readValue(entry, KeyOwner.class);
        } catch (IOException e) {
            throw new IllegalStateException("unreadable API-key cache entry", e);
        }
    }

    static String sha256(String key) {
        return Digests.sha256Hex(key);
    }

}
