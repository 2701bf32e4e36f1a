package io.gitinsight.query.domain;

/**
 * The windowed figures of a metrics object, computed from the normalized facts for a window that no
 * snapshot covers (an explicit {@code until}). Medians and rates are null when nothing was measured; the
 * review phase is the median review time.
 */
public record WindowFigures(long commitCount, long additions, long deletions, long activeDays, Long timeSpentMinutes,
        long reverts, long prsOpened, long prsMerged, Double medianCycleTimeHours, Double medianTimeToFirstReviewHours,
        Double medianReviewTimeHours, Double codingHours, Double pickupHours, Double deployHours,
        long hotfixes, long deploymentsSucceeded, long deploymentsTotal, long deploymentsFailedOrFollowedByFix,
        Double leadTimeHours, Double mttrHours, Double weeks) {
}
