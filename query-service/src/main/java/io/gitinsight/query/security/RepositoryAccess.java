package io.gitinsight.query.security;

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
import io.gitinsight.query.domain.Visibility;
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
 * caller's credentials are checked only for a private one.
 */
@ApplicationScoped
public class RepositoryAccess {

    private final RepositoryRepository repositories;
    private final CredentialVerifier credentials;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public RepositoryAccess(RepositoryRepository repositories, CredentialVerifier credentials, ReadCache cache,
            QueryConfig config) {
        this.repositories = repositories;
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

    public Uni<Visibility> visibility(UUID id) {
        return cache.get(CacheKey.of(CacheScope.access(id), "visibility"), ttl.repositoryTtl(),
                () -> repositories.visibility(id).map(JsonBytes::of)).map(RepositoryAccess::decode);
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

    private static Visibility decode(CachedBody cached) {
        try {
            return Json.mapper().readValue(cached.body(), Visibility.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cached visibility is not readable", e);
        }
    }
}
