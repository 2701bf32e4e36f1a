package io.gitinsight.query.service;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.Overview;
import io.gitinsight.query.repository.OverviewRepository;
import io.smallrye.mutiny.Uni;

/** {@code GET /metrics/overview}, cached across repositories. */
@ApplicationScoped
public class OverviewService {

    static final int MOST_ACTIVE = 5;

    private final OverviewRepository overview;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public OverviewService(OverviewRepository overview, ReadCache cache, QueryConfig config) {
        this.overview = overview;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> overview() {
        return cache.get(CacheKey.of(CacheScope.GLOBAL, "overview"), ttl.listTtl(),
                () -> Uni.combine().all().unis(overview.totals(), overview.languages(), overview.mostActive(MOST_ACTIVE))
                        .with((totals, languages, active) -> JsonBytes.of(new Overview(totals, languages, active))));
    }
}
