package io.gitinsight.analysis.domain;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What one computation over a repository's facts produced, in the shapes query-service reads: the
 * contract's metrics object per window, the contributors table, each pull request's phases, the trend
 * series with forecasts, and the insights.
 */
public record AnalysisResult(Instant computedAt, Map<String, Map<String, Object>> metricsByWindow,
        List<ContributorRow> contributors, List<PullRequestPhases> pullRequests, List<SeriesPoint> series,
        List<InsightRow> insights, String headSha) {

    public record ContributorRow(String login, String name, List<String> emails, boolean bot, int commits,
            long additions, long deletions, int prsOpened, int reviewsGiven, Instant firstCommit, Instant lastCommit,
            double share) {
    }

    public record PullRequestPhases(int number, Instant firstCommitAt, Instant firstReviewAt, Instant deployedAt,
            Double codingHours, Double pickupHours, Double reviewHours, Double deployHours, Double cycleTimeHours,
            Double timeToFirstReviewHours, boolean hotfix) {
    }

    public record SeriesPoint(String metric, String interval, String kind, Instant t, double value, Double low,
            Double high) {
    }

    public record InsightRow(String type, String title, String description, double confidence,
            Map<String, Object> data, List<String> tags, String modelVersion) {
    }
}
