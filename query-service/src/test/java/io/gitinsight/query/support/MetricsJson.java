package io.gitinsight.query.support;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.json.Json;

/** A metrics object in the contract's shape, as analysis writes into {@code metric_snapshots}. */
public final class MetricsJson {

    private MetricsJson() {
    }

    public static ObjectNode of(UUID repositoryId, String window, Instant computedAt, long commits) {
        ObjectNode m = Json.mapper().createObjectNode();
        m.put("repository_id", repositoryId.toString());
        m.put("computed_at", computedAt.toString());
        m.put("window", window);
        m.put("loc", 5400);
        m.putObject("loc_by_language").put("Java", 5000).put("Shell", 400);
        m.put("commit_count", commits);
        m.put("active_days", 40);
        m.put("time_spent_minutes", 86400);
        m.put("code_churn", 3000);
        m.put("additions", 2000);
        m.put("deletions", 1000);
        m.put("primary_language", "Java");
        m.put("size_kb", 1234);
        m.put("contributors", 7);
        m.put("bus_factor", 2);
        ObjectNode prs = m.putObject("pull_requests");
        prs.put("opened", 12).put("merged", 10).put("median_cycle_time_hours", 30.5)
                .put("median_time_to_first_review_hours", 4.0).put("median_review_time_hours", 6.25);
        prs.putObject("cycle_time_phases").put("coding", 12.0).put("pickup", 4.0).put("review", 6.25).putNull("deploy");
        m.putObject("dora").put("deployment_frequency_per_week", 1.5).put("lead_time_hours", 48.0)
                .put("change_failure_rate", 0.1).put("mttr_hours", 3.0);
        m.put("reverts", 1);
        m.put("hotfixes", 2);
        return m;
    }

    public static void insert(UUID repositoryId, String window, Instant computedAt, ObjectNode metrics) {
        Db.execute("""
                INSERT INTO analysis.metric_snapshots (repository_id, window_name, computed_at, metrics)
                VALUES (?, ?, ?, ?::jsonb)
                ON CONFLICT (repository_id, window_name) DO UPDATE SET computed_at = excluded.computed_at,
                  metrics = excluded.metrics""", repositoryId, window, computedAt, metrics.toString());
    }
}
