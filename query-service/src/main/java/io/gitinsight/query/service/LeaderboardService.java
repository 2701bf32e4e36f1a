package io.gitinsight.query.service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.LeaderboardStore;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.LeaderboardMetric;
import io.gitinsight.query.domain.RepositoryBrief;
import io.gitinsight.query.repository.RepositoryRepository;
import io.gitinsight.query.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /fast/leaderboard}: repositories ranked by one metric of one window, from the sorted sets of
 * {@link LeaderboardStore}, with their names; ties share the order Redis gives them (by id).
 */
@ApplicationScoped
public class LeaderboardService {

    /** Extra entries read from the set, so that a just-deleted repository does not shorten the list. */
    static final int SLACK = 10;
    static final int MAX_READS = 5;

    private final LeaderboardStore store;
    private final SnapshotRepository snapshots;
    private final RepositoryRepository repositories;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public LeaderboardService(LeaderboardStore store, SnapshotRepository snapshots, RepositoryRepository repositories,
            ReadCache cache, QueryConfig config) {
        this.store = store;
        this.snapshots = snapshots;
        this.repositories = repositories;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> leaderboard(LeaderboardMetric metric, String window, int limit) {
        CacheKey key = CacheKey.of(CacheScope.GLOBAL, "leaderboard", metric.value(), window, limit);
        return cache.get(key, ttl.listTtl(), () -> ranked(metric, window, limit, 1).map(data -> {
            Map<String, Object> out = new LinkedHashMap<>();
            out.put("metric", metric.value());
            out.put("window", window);
            out.put("data", data);
            return JsonBytes.of(out);
        }));
    }

    /**
     * The top entries with their names. Members whose repository was deleted since are dropped from the
     * sets on the way; when that leaves the list short, it is read again.
     */
    private Uni<List<Map<String, Object>>> ranked(LeaderboardMetric metric, String window, int limit, int attempt) {
        return store.top(metric, window, limit + SLACK).chain(scores -> repositories
                .briefs(scores.stream().map(SnapshotRepository.Score::repositoryId).toList()).chain(briefs -> {
                    List<Map<String, Object>> data = new ArrayList<>();
                    List<UUID> gone = new ArrayList<>();
                    for (SnapshotRepository.Score score : scores) {
                        RepositoryBrief brief = briefs.get(score.repositoryId());
                        if (brief == null) {
                            gone.add(score.repositoryId());
                        } else if (data.size() < limit && !brief.isPrivate()) {
                            data.add(entry(data.size() + 1, brief, score.score()));
                        }
                    }
                    if (gone.isEmpty()) {
                        return Uni.createFrom().item(data);
                    }
                    boolean more = data.size() < limit && scores.size() == limit + SLACK && attempt < MAX_READS;
                    return store.forget(gone).chain(() -> more ? ranked(metric, window, limit, attempt + 1)
                            : Uni.createFrom().item(data));
                }));
    }

    /** After an analysis: that repository's new scores into every leaderboard. */
    public Uni<Void> refresh(UUID repositoryId) {
        return snapshots.all(repositoryId).chain(all -> store.update(repositoryId, all));
    }

    private static Map<String, Object> entry(int rank, RepositoryBrief brief, double value) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("rank", rank);
        entry.put("repository_id", brief.id());
        entry.put("full_name", brief.fullName());
        entry.put("language", brief.language());
        entry.put("stars", brief.stars());
        entry.put("value", value == Math.rint(value) && Math.abs(value) < 1e15 ? (Object) (long) value : value);
        return entry;
    }
}
