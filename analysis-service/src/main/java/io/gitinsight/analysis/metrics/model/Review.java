package io.gitinsight.analysis.metrics.model;

import java.time.Instant;

/**
 * A review ({@code APPROVED}, {@code CHANGES_REQUESTED}, {@code COMMENTED}, {@code DISMISSED}) or a review
 * comment ({@code comment} true) on pull request {@code pullRequestNumber}; pending reviews have no
 * {@code submittedAt} and count for nothing.
 */
public record Review(long id, int pullRequestNumber, String reviewer, String state, Instant submittedAt,
        boolean comment) {
}
