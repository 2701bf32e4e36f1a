package io.gitinsight.analysis.metrics.pulls;

import java.time.Instant;

/**
 * The life of one pull request in phases (CONTRACT §4), each in hours and null when unknown: coding (first commit
 * authored → created), pickup (created, or ready for review if later → first review by someone else), review
 * (that review → merged), deploy (merged → first successful production deployment containing the merge commit),
 * cycle time (first commit → merged, plus deploy when known) and time to first review (created → first review).
 */
public record PullRequestPhases(int number, String author, Instant createdAt, Instant mergedAt, Instant firstCommitAt,
        Instant firstReviewAt, Instant deployedAt, Double codingHours, Double pickupHours, Double reviewHours,
        Double deployHours, Double cycleTimeHours, Double timeToFirstReviewHours) {

    public boolean merged() {
        return mergedAt != null;
    }
}
