package io.gitinsight.query.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.InsightFilter;
import io.gitinsight.query.repository.InsightRepository;
import io.smallrye.mutiny.Uni;

/** {@code GET /repositories/{id}/insights}, paged and cached. */
@ApplicationScoped
public class InsightService {

    private final InsightRepository insights;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public InsightService(InsightRepository insights, ReadCache cache, QueryConfig config) {
        this.insights = insights;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> page(UUID id, InsightFilter filter, PageRequest page) {
        CacheKey key = CacheKey.of(CacheScope.repository(id), "insights", filter.type(), filter.since(), page.page(),
                page.pageSize());
        return cache.get(key, ttl.repositoryTtl(), () -> insights.page(id, filter, page)
                .map(found -> JsonBytes.of(found.orElseThrow(() -> NotFound.repository(id)))));
    }
}
