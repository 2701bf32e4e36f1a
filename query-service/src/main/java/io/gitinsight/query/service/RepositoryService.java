package io.gitinsight.query.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.RepositoryFilter;
import io.gitinsight.query.domain.Viewer;
import io.gitinsight.query.repository.RepositoryRepository;
import io.smallrye.mutiny.Uni;

/** {@code GET /repositories} and {@code GET /repositories/{id}}, cached. */
@ApplicationScoped
public class RepositoryService {

    private final RepositoryRepository repositories;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public RepositoryService(RepositoryRepository repositories, ReadCache cache, QueryConfig config) {
        this.repositories = repositories;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> get(UUID id) {
        return cache.get(CacheKey.of(CacheScope.repository(id), "repository"), ttl.repositoryTtl(),
                () -> repositories.find(id).map(found -> JsonBytes.of(found.orElseThrow(() -> NotFound.repository(id)))));
    }

    public Uni<CachedBody> list(RepositoryFilter filter, PageRequest page, Viewer viewer) {
        CacheKey key = CacheKey.of(CacheScope.GLOBAL, "repositories", filter.q(), filter.language(), filter.sort(),
                page.page(), page.pageSize(), viewer.tag());
        return cache.get(key, ttl.listTtl(), () -> repositories.list(filter, page, viewer).map(JsonBytes::of));
    }
}
