package io.gitinsight.query.service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.Snapshot;
import io.gitinsight.query.domain.SnapshotLookup;
import io.gitinsight.query.repository.SnapshotRepository;
import io.gitinsight.query.repository.WindowMetricsRepository;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /repositories/{id}/metrics}. Without {@code until} the answer is analysis's snapshot of the
 * window, byte for byte. Analysis only precomputes windows ending at its run; for another end the
 * windowed figures are computed from the facts ({@link WindowMetricsRepository}, {@link MetricsDocument}).
 */
@ApplicationScoped
public class MetricsService {

    private final SnapshotRepository snapshots;
    private final WindowMetricsRepository windows;
    private final ReadCache cache;
    private final Duration ttl;
    private final Clock clock;

    public MetricsService(SnapshotRepository snapshots, WindowMetricsRepository windows, ReadCache cache,
            QueryConfig config, Clock clock) {
        this.snapshots = snapshots;
        this.windows = windows;
        this.cache = cache;
        this.ttl = config.cache().repositoryTtl();
        this.clock = clock;
    }

    public Uni<CachedBody> metrics(UUID id, String window, Instant until) {
        CacheKey key = CacheKey.of(CacheScope.repository(id), "metrics", window, until);
        return cache.get(key, ttl, () -> snapshots.find(id, window).chain(lookup -> {
            if (!lookup.repositoryExists()) {
                return Uni.createFrom().failure(NotFound.repository(id));
            }
            if (until == null || lookup.snapshot().map(s -> s.computedAt().equals(until)).orElse(false)) {
                return Uni.createFrom().item(snapshotOrFail(id, window, lookup)
                        .metricsJson().getBytes(StandardCharsets.UTF_8));
            }
            return computed(id, window, until);
        }));
    }

    private Uni<byte[]> computed(UUID id, String window, Instant until) {
        Instant start = window.equals("all") ? null
                : until.minus(Duration.ofDays(Long.parseLong(window.substring(0, window.length() - 1))));
        Uni<JsonNode> tip = snapshots.find(id, "all").map(all -> all.snapshot().map(MetricsService::tree)
                .orElse(Json.mapper().createObjectNode()));
        return Uni.combine().all().unis(windows.compute(id, start, until), tip).asTuple()
                .map(both -> JsonBytes.of(MetricsDocument.build(id, window, until, clock.instant(), both.getItem1(),
                        both.getItem2())));
    }

    private static Snapshot snapshotOrFail(UUID id, String window, SnapshotLookup lookup) {
        return lookup.snapshot().orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND,
                "repository " + id + " has no " + window + " metrics yet; it has not been analyzed",
                Map.of("id", id.toString(), "window", window)));
    }

    private static JsonNode tree(Snapshot snapshot) {
        try {
            return Json.mapper().readTree(snapshot.metricsJson());
        } catch (java.io.IOException e) {
            throw new IllegalStateException("snapshot metrics are not JSON", e);
        }
    }
}
