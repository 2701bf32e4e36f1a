package io.gitinsight.query.service;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.json.Json;
import io.gitinsight.query.cache.CacheKey;
import io.gitinsight.query.cache.CacheScope;
import io.gitinsight.query.cache.CachedBody;
import io.gitinsight.query.cache.ReadCache;
import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.RepositoryView;
import io.gitinsight.query.domain.SnapshotLookup;
import io.gitinsight.query.repository.InsightRepository;
import io.gitinsight.query.repository.RepositoryRepository;
import io.gitinsight.query.repository.SnapshotRepository;
import io.smallrye.mutiny.Uni;

/**
 * {@code GET /fast/repositories/{id}/summary}: one screen's worth of a repository (its facts, the
 * headline numbers of the 90-day window, the newest insights) in one cached answer.
 */
@ApplicationScoped
public class SummaryService {

    static final String WINDOW = "90d";
    static final int LATEST_INSIGHTS = 3;
    private static final String[][] HEADLINES = { { "commit_count" }, { "active_days" }, { "code_churn" },
            { "contributors" }, { "bus_factor" }, { "loc" }, { "primary_language" }, { "pull_requests", "merged" },
            { "pull_requests", "median_cycle_time_hours" }, { "dora", "deployment_frequency_per_week" } };

    private final RepositoryRepository repositories;
    private final SnapshotRepository snapshots;
    private final InsightRepository insights;
    private final ReadCache cache;
    private final QueryConfig.Cache ttl;

    public SummaryService(RepositoryRepository repositories, SnapshotRepository snapshots, InsightRepository insights,
            ReadCache cache, QueryConfig config) {
        this.repositories = repositories;
        this.snapshots = snapshots;
        this.insights = insights;
        this.cache = cache;
        this.ttl = config.cache();
    }

    public Uni<CachedBody> summary(UUID id) {
        return cache.get(CacheKey.of(CacheScope.repository(id), "summary"), ttl.repositoryTtl(),
                () -> Uni.combine().all()
                        .unis(repositories.find(id), snapshots.find(id, WINDOW), insights.latest(id, LATEST_INSIGHTS))
                        .with((repository, snapshot, latest) -> JsonBytes.of(document(
                                repository.orElseThrow(() -> NotFound.repository(id)), snapshot, latest))));
    }

    private static ObjectNode document(RepositoryView repository, SnapshotLookup snapshot, InsightRepository.Latest latest) {
        ObjectNode out = Json.mapper().createObjectNode();
        ObjectNode repo = out.putObject("repository");
        repo.put("id", repository.id().toString());
        repo.put("full_name", repository.fullName());
        repo.put("description", repository.description());
        repo.put("language", repository.language());
        repo.put("stars", repository.stars());
        repo.put("forks", repository.forks());
        repo.put("analysis_status", repository.analysisStatus());
        repo.put("last_analyzed", repository.lastAnalyzed() == null ? null : repository.lastAnalyzed().toString());
        out.set("metrics", snapshot.snapshot().map(s -> headlines(s.metricsJson())).orElse(null));
        ObjectNode found = out.putObject("insights");
        found.put("total", latest.total());
        found.set("latest", Json.mapper().valueToTree(latest.insights().stream().map(i -> {
            ObjectNode brief = Json.mapper().createObjectNode();
            brief.put("id", i.id().toString()).put("type", i.type()).put("title", i.title())
                    .put("confidence_score", i.confidenceScore()).put("generated_at", i.generatedAt().toString());
            return brief;
        }).toList()));
        return out;
    }

    private static JsonNode headlines(String metricsJson) {
        JsonNode metrics;
        try {
            metrics = Json.mapper().readTree(metricsJson);
        } catch (java.io.IOException e) {
            throw new IllegalStateException("snapshot metrics are not JSON", e);
        }
        ObjectNode out = Json.mapper().createObjectNode();
        out.put("window", WINDOW);
        out.set("computed_at", metrics.get("computed_at"));
        for (String[] path : HEADLINES) {
            JsonNode value = metrics;
            for (String step : path) {
                value = value.path(step);
            }
            out.set(String.join("_", path).replace("pull_requests_", "prs_").replace("dora_", ""),
                    value.isMissingNode() ? null : value);
        }
        return out;
    }
}
