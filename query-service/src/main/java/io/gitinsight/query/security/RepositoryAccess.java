package io.gitinsight.query.security;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Role;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.Viewer;
import io.gitinsight.query.domain.Visibility;
import io.gitinsight.query.repository.FollowRepository;
import io.gitinsight.query.repository.RepositoryRepository;
import io.gitinsight.query.service.JsonBytes;
import io.gitinsight.query.service.NotFound;
import io.gitinsight.support.security.VerifiedToken;
import io.smallrye.mutiny.Uni;

/**
 * Keeps private repositories from those who may not see them: for them such a repository does not exist
 * (404 {@code REPOSITORY_NOT_FOUND}, as for an unknown id). A repository's {@link Visibility} is cached in
 * Redis in its own scope ({@link CacheScope#access}), which a follow, an unfollow or a change of visibility
 * retires; a public repository thus costs one Redis lookup, made alongside the read itself, and the
 * caller's credentials are checked only for a private one. Lists show a caller the private repositories they
 * may see ({@link #viewer}), and show everyone else public repositories only.
 */
@ApplicationScoped
public class RepositoryAccess {

    private final RepositoryRepository repositories;
    private final FollowRepository follows;
    private final CredentialVerifier credentials;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;
    /** This replica's copy of the visibilities it looked up, for {@link #LOCAL_TTL} at most. */
    private final java.util.Map<UUID, Known> local = new java.util.concurrent.ConcurrentHashMap<>();
    /** Counts {@link #forget}s: an answer looked up across one is not kept. */
    private final java.util.concurrent.atomic.AtomicLong forgotten = new java.util.concurrent.atomic.AtomicLong();

    static final java.time.Duration LOCAL_TTL = java.time.Duration.ofSeconds(30);
    static final int LOCAL_MAX = 10_000;

    public RepositoryAccess(RepositoryRepository repositories, FollowRepository follows, CredentialVerifier credentials,
            ReadCache cache, QueryConfig config) {
        this.repositories = repositories;
        this.follows = follows;
        this.credentials = credentials;
        this.cache = cache;
        this.ttl = config.cache();
    }

    /** The cached answer of {@code read}, if the caller may see repository {@code id}. */
    public Uni<CachedBody> guard(UUID id, String authorization, String apiKey, Supplier<Uni<CachedBody>> read) {
        // the read's own failure (e.g. "not analyzed yet") must not reach someone who may not see the repository
        Uni<Uni<CachedBody>> answer = read.get().map(body -> Uni.createFrom().item(body))
                .onFailure().recoverWithItem(failure -> Uni.createFrom().failure(failure));
        return Uni.combine().all().unis(visibility(id), answer).asTuple()
                .chain(both -> check(id, both.getItem1(), authorization, apiKey).chain(both::getItem2));
    }

    /** Fails with 404 unless {@code caller} (empty for a guest) may see repository {@code id}. */
    public Uni<Void> check(UUID id, Optional<VerifiedToken> caller) {
        return visibility(id).invoke(visibility -> {
            if (!allows(visibility, caller)) {
                throw NotFound.repository(id);
            }
        }).replaceWithVoid();
    }

    /**
     * Which private repositories the caller's lists show. A guest's is known without any lookup; a user's
     * private follows are cached in the cross-repository scope, which follows and changes of visibility retire.
     */
    public Uni<Viewer> viewer(String authorization, String apiKey) {
        if (authorization == null && (apiKey == null || apiKey.isBlank())) {
            return Uni.createFrom().item(Viewer.PUBLIC);
        }
        return credentials.verify(authorization, apiKey, null).chain(caller -> {
            UUID user = caller.map(RepositoryAccess::userId).orElse(null);
            if (caller.isPresent() && caller.get().role() == Role.ADMIN) {
                return Uni.createFrom().item(Viewer.ADMIN);
            }
            if (user == null) {
                return Uni.createFrom().item(Viewer.PUBLIC);
            }
            return cache.get(CacheKey.of(CacheScope.GLOBAL, "private-follows", user), ttl.listTtl(),
                    () -> follows.privateFollowedBy(user).map(JsonBytes::of))
                    .map(cached -> new Viewer(false, List.of(read(cached, UUID[].class))));
        });
    }

    /**
     * Who may see repository {@code id}. Asked on every read of it, so this replica keeps what it learnt for
     * {@link #LOCAL_TTL}: the read then costs no Redis round trip of its own (it cost a third of the fast
     * path's throughput). Every replica hears the follows and changes of visibility on its own queue and
     * {@link #forget forgets} the repository's entry then; the time-to-live only bounds an event lost.
     */
    public Uni<Visibility> visibility(UUID id) {
        Known known = local.get(id);
        if (known != null && known.until() - System.nanoTime() > 0) {
            return Uni.createFrom().item(known.visibility());
        }
        long epoch = forgotten.get();
        return cache.get(CacheKey.of(CacheScope.access(id), "visibility"), ttl.repositoryTtl(),
                () -> repositories.visibility(id).map(JsonBytes::of)).map(cached -> read(cached, Visibility.class))
                .invoke(visibility -> remember(id, visibility, epoch));
    }

    /** A follow, an unfollow or a change of visibility of {@code id}: the next read asks the shared cache again. */
    public void forget(UUID id) {
        forgotten.incrementAndGet();
        local.remove(id);
    }

    private void remember(UUID id, Visibility visibility, long epoch) {
        if (local.size() >= LOCAL_MAX) {
            local.clear(); // unknown ids are remembered too: never let them grow the map without bound
        }
        local.put(id, new Known(visibility, System.nanoTime() + LOCAL_TTL.toNanos()));
        if (forgotten.get() != epoch) {
            // a forget ran while this answer was on its way: it may predate it
            local.remove(id);
        }
    }

    private record Known(Visibility visibility, long until) {
    }

    public static boolean allows(Visibility visibility, Optional<VerifiedToken> caller) {
        return visibility.allows(caller.map(RepositoryAccess::userId).orElse(null),
                caller.map(c -> c.role() == Role.ADMIN).orElse(false));
    }

    /** The user a credential names; null when its subject is not a user id. */
    public static UUID userId(VerifiedToken caller) {
        try {
            return UUID.fromString(caller.subject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return null;
        }
    }

    private Uni<Void> check(UUID id, Visibility visibility, String authorization, String apiKey) {
        if (!visibility.restricted()) {
            return Uni.createFrom().voidItem();
        }
        return credentials.verify(authorization, apiKey, null).invoke(caller -> {
            if (!allows(visibility, caller)) {
                throw NotFound.repository(id);
            }
        }).replaceWithVoid();
    }

    private static <T> T read(CachedBody cached, Class<T> type) {
        try {
            return Json.mapper().readValue(cached.body(), type);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cached " + type.getSimpleName() + " is not readable", e);
        }
    }
}
