package io.gitinsight.analysis.metrics.model;

import java.time.Instant;
import java.util.List;

/**
 * A pull request. {@code readyForReviewAt} is when a draft was marked ready (null if it never was a draft
 * or GitHub did not say); {@code commits} are the PR's own commits when ingestion collected them (GraphQL),
 * empty otherwise — the engine then finds them in the history through the merge commit.
 */
public record PullRequest(int number, String title, String author, String state, boolean draft, Instant createdAt,
        Instant readyForReviewAt, Instant mergedAt, Instant closedAt, String headRef, String headSha,
        String baseRef, String mergeCommitSha, List<PullRequestCommit> commits, int additions, int deletions) {

    public PullRequest {
        commits = commits == null ? List.of() : List.copyOf(commits);
    }

    public boolean merged() {
        return mergedAt != null;
    }

    /** One commit of a pull request: its sha and author date. */
    public record PullRequestCommit(String sha, Instant authoredAt) {
    }
}
