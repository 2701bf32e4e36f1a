package io.gitinsight.query.service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.repository.TrendingRepository;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /fast/trending?window=Nd}: repositories whose commits grew most in the last N UTC days
 * (today included) against the N days before (see {@link TrendingRepository} for the growth figure).
 */
@ApplicationScoped
public class TrendingService {

    private final TrendingRepository trending;
    private final ReadCache cache;
    private final Duration ttl;
    private final Clock clock;

    public TrendingService(TrendingRepository trending, ReadCache cache, QueryConfig config, Clock clock) {
        this.trending = trending;
        this.cache = cache;
        this.ttl = config.cache().trendingTtl();
        this.clock = clock;
    }

    public Uni<CachedBody> trending(String window, int limit) {
        int days = Integer.parseInt(window.substring(0, window.length() - 1));
        Instant end = LocalDate.now(clock.withZone(ZoneOffset.UTC)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = end.minus(Duration.ofDays(days));
        Instant previousStart = start.minus(Duration.ofDays(days));
        CacheKey key = CacheKey.of(CacheScope.GLOBAL, "trending", window, limit, end);
        return cache.get(key, ttl, () -> trending.trending(previousStart, start, end, limit).map(entries -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("window", window);
            out.put("metric", "commits");
            out.put("from", start);
            out.put("to", end);
            out.put("data", entries);
            return JsonBytes.of(out);
        }));
    }
}
