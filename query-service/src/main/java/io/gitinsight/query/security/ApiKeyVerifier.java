package io.gitinsight.query.security;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.security.Permission;
import io.gitinsight.model.security.Role;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.support.error.ApiException;
import io.gitinsight.support.security.AccessTokenVerifier;
import io.gitinsight.support.security.Digests;
import io.gitinsight.support.security.VerifiedToken;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.vertx.UniHelper;

/**
 * API keys ({@code gik_…}) checked with auth-service, remembered in this process for a short while
 * under the key's SHA-256 (never the key). A key's permissions are its scopes within its owner's role,
 * as the gateway grants them.
 */
@ApplicationScoped
public class ApiKeyVerifier {

    public static final String PREFIX = "gik_";
    static final int MAX_REMEMBERED = 10_000;
    private static final Logger LOG = Logger.getLogger(ApiKeyVerifier.class);

    private record Remembered(Optional<VerifiedToken> owner, Instant until) {
    }

    private final AuthServiceClient auth;
    private final java.time.Duration ttl;
    private final Clock clock = Clock.systemUTC();
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();

    public ApiKeyVerifier(AuthServiceClient auth, QueryConfig config) {
        this.auth = auth;
        this.ttl = config.auth().apiKeyCacheTtl();
    }

    public Uni<VerifiedToken> verify(String key) {
        if (!key.startsWith(PREFIX) || key.length() > 100) {
            return Uni.createFrom().failure(AccessTokenVerifier.refused("not an API key"));
        }
        String hash = Digests.sha256Hex(key);
        Remembered known = remembered.get(hash);
        Uni<Optional<VerifiedToken>> owner = known != null && known.until().isAfter(clock.instant())
                ? Uni.createFrom().item(known.owner())
                : UniHelper.toUni(auth.verify(key)).map(found -> found.map(ApiKeyVerifier::token))
                        .invoke(found -> remember(hash, found))
                        .onFailure().transform(e -> {
                            LOG.warnf("API key could not be checked: %s", e.getMessage());
                            return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, "credentials cannot be checked now");
                        });
        return owner.map(found -> found.orElseThrow(() -> AccessTokenVerifier.refused("API key unknown, revoked or expired")));
    }

    private void remember(String hash, Optional<VerifiedToken> owner) {
        if (remembered.size() >= MAX_REMEMBERED) {
            remembered.clear();
        }
        remembered.put(hash, new Remembered(owner, clock.instant().plus(ttl)));
    }

    static VerifiedToken token(AuthServiceClient.KeyOwner owner) {
        Role role = Role.fromValue(owner.role()).orElse(Role.GUEST);
        Set<Permission> scopes = EnumSet.noneOf(Permission.class);
        for (String scope : owner.scopes() == null ? List.<String> of() : owner.scopes()) {
            Permission.fromValue(scope).filter(role::has).ifPresent(scopes::add);
        }
        return new VerifiedToken(owner.userId(), owner.login(), role, scopes);
    }
}
