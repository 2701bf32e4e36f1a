package io.gitinsight.query.domain;

import java.time.Instant;

/** One person of {@code GET /repositories/{id}/contributors}; {@code share} of the people's commits, 0..1. */
public record ContributorView(String login, int commits, long additions, long deletions, int prsOpened,
        int reviewsGiven, Instant firstCommit, Instant lastCommit, double share) {
}
