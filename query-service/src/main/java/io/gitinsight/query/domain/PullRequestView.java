package io.gitinsight.query.domain;

import java.time.Instant;

/** A pull request with its cycle-time phases in hours (null when a phase did not happen or is unknown). */
public record PullRequestView(int number, String title, String author, String state, boolean draft, String headRef,
        String baseRef, Instant createdAt, Instant mergedAt, Instant closedAt, Integer additions, Integer deletions,
        boolean hotfix, Double cycleTimeHours, Double timeToFirstReviewHours, Phases phases) {

    public record Phases(Double coding, Double pickup, Double review, Double deploy) {
    }
}
