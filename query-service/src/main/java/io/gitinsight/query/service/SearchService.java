package io.gitinsight.query.service;

import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.Viewer;
import io.gitinsight.query.repository.SearchRepository;
import io.smallrye.mutiny.Uni;

/** {@code GET /fast/search}: repositories by name and description, cached per query. */
@ApplicationScoped
public class SearchService {

    private final SearchRepository search;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public SearchService(SearchRepository search, ReadCache cache, QueryConfig config) {
        this.search = search;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> search(String q, String language, int limit, Viewer viewer) {
        String normalized = q.trim().toLowerCase(java.util.Locale.ROOT);
        CacheKey key = CacheKey.of(CacheScope.GLOBAL, "search", normalized, language, limit, viewer.tag());
        return cache.get(key, ttl.listTtl(), () -> search.search(normalized, language, limit, viewer).map(hits -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("q", q.trim());
            out.put("language", language);
            out.put("data", hits);
            return JsonBytes.of(out);
        }));
    }
}
