package io.gitinsight.query.service;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.query.domain.WindowFigures;

/**
 * The contract's metrics object for a window ending at an explicit {@code until}: the windowed git,
 * pull-request and DORA figures as computed from the facts, and the figures of the branch tip and of
 * the people (loc, loc_by_language, primary_language, size_kb, contributors, bus_factor) from the
 * latest {@code all} snapshot, which is the only state of the tip analysis keeps.
 */
final class MetricsDocument {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private MetricsDocument() {
    }

    static ObjectNode build(UUID repositoryId, String window, Instant until, Instant computedAt, WindowFigures f,
            JsonNode all) {
        ObjectNode out = NODES.objectNode();
        out.put("repository_id", repositoryId.toString());
        out.put("computed_at", computedAt.toString());
        out.put("window", window);
        out.put("until", until.toString());
        out.set("loc", all.path("loc").isMissingNode() ? NODES.nullNode() : all.get("loc"));
        out.set("loc_by_language", all.path("loc_by_language").isMissingNode() ? NODES.objectNode()
                : all.get("loc_by_language"));
        out.put("commit_count", f.commitCount());
        out.put("active_days", f.activeDays());
        out.put("time_spent_minutes", f.timeSpentMinutes() == null ? 0 : f.timeSpentMinutes());
        out.put("code_churn", f.additions() + f.deletions());
        out.put("additions", f.additions());
        out.put("deletions", f.deletions());
        for (String field : new String[] { "primary_language", "size_kb", "contributors", "bus_factor" }) {
            out.set(field, all.path(field).isMissingNode() ? NODES.nullNode() : all.get(field));
        }
        ObjectNode prs = out.putObject("pull_requests");
        prs.put("opened", f.prsOpened());
        prs.put("merged", f.prsMerged());
        prs.put("median_cycle_time_hours", round(f.medianCycleTimeHours(), 2));
        prs.put("median_time_to_first_review_hours", round(f.medianTimeToFirstReviewHours(), 2));
        prs.put("median_review_time_hours", round(f.medianReviewTimeHours(), 2));
        ObjectNode phases = prs.putObject("cycle_time_phases");
        phases.put("coding", round(f.codingHours(), 2));
        phases.put("pickup", round(f.pickupHours(), 2));
        phases.put("review", round(f.medianReviewTimeHours(), 2));
        phases.put("deploy", round(f.deployHours(), 2));
        ObjectNode dora = out.putObject("dora");
        dora.put("deployment_frequency_per_week", f.weeks() == null || f.weeks() <= 0 ? null
                : round(f.deploymentsSucceeded() / f.weeks(), 2));
        dora.put("lead_time_hours", round(f.leadTimeHours(), 2));
        dora.put("change_failure_rate", f.deploymentsTotal() == 0 ? null
                : round((double) f.deploymentsFailedOrFollowedByFix() / f.deploymentsTotal(), 4));
        dora.put("mttr_hours", round(f.mttrHours(), 2));
        out.put("reverts", f.reverts());
        out.put("hotfixes", f.hotfixes());
        return out;
    }

    private static Double round(Double value, int decimals) {
        if (value == null) {
            return null;
        }
        double scale = Math.pow(10, decimals);
        return Math.round(value * scale) / scale;
    }
}
