package io.gitinsight.analysis.service;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.metrics.dora.DoraFigures;
import io.gitinsight.analysis.metrics.git.GitSummary;
import io.gitinsight.analysis.metrics.loc.CodeSummary;
import io.gitinsight.analysis.metrics.people.TruckFactorResult;
import io.gitinsight.analysis.metrics.pulls.ChangeSignals;
import io.gitinsight.analysis.metrics.pulls.PullRequestFigures;

/** The contract's metrics object (CONTRACT §2 {@code GET /repositories/{id}/metrics}), field for field. */
final class MetricsDocument {

    private MetricsDocument() {
    }

    static Map<String, Object> of(TrackedRepository repo, Instant computedAt, String window, GitSummary git,
            CodeSummary code, long contributors, TruckFactorResult truckFactor, PullRequestFigures prs, DoraFigures dora,
            ChangeSignals signals) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("repository_id", repo.id().toString());
        m.put("computed_at", computedAt.toString());
        m.put("window", window);
        m.put("loc", code.loc());
        m.put("loc_by_language", code.locByLanguage());
        m.put("commit_count", git.commitCount());
        m.put("active_days", git.activeDays());
        m.put("time_spent_minutes", git.timeSpentMinutes());
        m.put("code_churn", git.codeChurn());
        m.put("additions", git.additions());
        m.put("deletions", git.deletions());
        m.put("primary_language", code.primaryLanguage());
        m.put("size_kb", repo.sizeKb());
        m.put("contributors", contributors);
        m.put("bus_factor", truckFactor.factor());
        Map<String, Object> pulls = new LinkedHashMap<>();
        pulls.put("opened", prs.opened());
        pulls.put("merged", prs.merged());
        pulls.put("median_cycle_time_hours", prs.medianCycleTimeHours());
        pulls.put("median_time_to_first_review_hours", prs.medianTimeToFirstReviewHours());
        pulls.put("median_review_time_hours", prs.medianReviewTimeHours());
        Map<String, Object> phases = new LinkedHashMap<>();
        phases.put("coding", prs.cycleTimePhases().coding());
        phases.put("pickup", prs.cycleTimePhases().pickup());
        phases.put("review", prs.cycleTimePhases().review());
        phases.put("deploy", prs.cycleTimePhases().deploy());
        pulls.put("cycle_time_phases", phases);
        m.put("pull_requests", pulls);
        Map<String, Object> doraKeys = new LinkedHashMap<>();
        doraKeys.put("deployment_frequency_per_week", dora.deploymentFrequencyPerWeek());
        doraKeys.put("lead_time_hours", dora.leadTimeHours());
        doraKeys.put("change_failure_rate", dora.changeFailureRate());
        doraKeys.put("mttr_hours", dora.mttrHours());
        m.put("dora", doraKeys);
        m.put("reverts", signals.reverts());
        m.put("hotfixes", signals.hotfixes());
        return m;
    }
}
