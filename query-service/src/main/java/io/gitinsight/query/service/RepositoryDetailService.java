package io.gitinsight.query.service;

import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.model.api.PageRequest;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.PullRequestFilter;
import io.gitinsight.query.repository.ContributorRepository;
import io.gitinsight.query.repository.PullRequestRepository;
import io.gitinsight.query.repository.TrendRepository;
import io.smallrye.mutiny.Uni;

/** The per-repository reads that analysis shaped for display: trends, contributors, pull requests. */
@ApplicationScoped
public class RepositoryDetailService {

    private final TrendRepository trends;
    private final ContributorRepository contributors;
    private final PullRequestRepository pulls;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public RepositoryDetailService(TrendRepository trends, ContributorRepository contributors,
            PullRequestRepository pulls, ReadCache cache, QueryConfig config) {
        this.trends = trends;
        this.contributors = contributors;
        this.pulls = pulls;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> trend(UUID id, String metric, String interval, Instant since) {
        CacheKey key = CacheKey.of(CacheScope.repository(id), "trends", metric, interval, since);
        return cache.get(key, ttl.repositoryTtl(), () -> trends.trend(id, metric, interval, since)
                .map(found -> JsonBytes.of(found.orElseThrow(() -> NotFound.repository(id)))));
    }

    public Uni<CachedBody> contributors(UUID id) {
        return cache.get(CacheKey.of(CacheScope.repository(id), "contributors"), ttl.repositoryTtl(),
                () -> contributors.list(id).map(found -> JsonBytes.of(found.orElseThrow(() -> NotFound.repository(id)))));
    }

    public Uni<CachedBody> pulls(UUID id, PullRequestFilter filter, PageRequest page) {
        CacheKey key = CacheKey.of(CacheScope.repository(id), "pulls", filter.state(), filter.author(), page.page(),
                page.pageSize());
        return cache.get(key, ttl.repositoryTtl(), () -> pulls.page(id, filter, page)
                .map(found -> JsonBytes.of(found.orElseThrow(() -> NotFound.repository(id)))));
    }
}
