package io.gitinsight.analysis.metrics.pulls;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Review;

/** Small builders for the metrics tests: only what a test sets differs from a plausible default. */
public final class TestData {

    private TestData() {
    }

    /** An instant from {@code 2026-03-02T10:00} (UTC, seconds optional). */
    public static Instant at(String isoLocal) {
        return Instant.parse(isoLocal.length() == 16 ? isoLocal + ":00Z" : isoLocal + "Z");
    }

    public static CommitBuilder commit(String sha) {
        return new CommitBuilder(sha);
    }

    public static PullRequestBuilder pr(int number) {
        return new PullRequestBuilder(number);
    }

    public static Review review(int pr, String reviewer, String submittedAt) {
        return new Review(pr * 100L, pr, reviewer, "APPROVED", at(submittedAt), false);
    }

    public static Review reviewComment(int pr, String reviewer, String submittedAt) {
        return new Review(pr * 100L + 1, pr, reviewer, "COMMENTED", at(submittedAt), true);
    }

    public static Review pendingReview(int pr, String reviewer) {
        return new Review(pr * 100L + 2, pr, reviewer, "PENDING", null, false);
    }

    /** A deployment created at {@code createdAt} whose deciding status {@code state} came at {@code finishedAt}. */
    public static Deployment deployment(long id, String environment, String sha, String createdAt, String state,
            String finishedAt) {
        return new Deployment(id, environment, sha, "main", at(createdAt),
                List.of(new Deployment.Status("in_progress", at(createdAt)), new Deployment.Status(state, at(finishedAt))));
    }

    public static final class CommitBuilder {
        private final String sha;
        private List<String> parents = List.of();
        private OffsetDateTime authoredAt = at("2026-03-01T00:00").atOffset(ZoneOffset.UTC);
        private Instant committedAt;
        private String email = "dev@example.com";
        private String message = "change";
        private final List<FileChange> files = new ArrayList<>();

        private CommitBuilder(String sha) {
            this.sha = sha;
        }

        public CommitBuilder parents(String... shas) {
            parents = Arrays.asList(shas);
            return this;
        }

        public CommitBuilder authored(String isoLocal) {
            authoredAt = at(isoLocal).atOffset(ZoneOffset.UTC);
            return this;
        }

        /** An author date in its author's offset, e.g. {@code 2026-03-02T01:00+02:00}. */
        public CommitBuilder authoredWithOffset(String isoOffset) {
            authoredAt = OffsetDateTime.parse(isoOffset);
            return this;
        }

        public CommitBuilder committed(String isoLocal) {
            committedAt = at(isoLocal);
            return this;
        }

        public CommitBuilder by(String authorEmail) {
            email = authorEmail;
            return this;
        }

        public CommitBuilder message(String text) {
            message = text;
            return this;
        }

        public CommitBuilder file(String path, int additions, int deletions) {
            files.add(new FileChange(path, null, additions, deletions, false));
            return this;
        }

        public CommitBuilder binary(String path) {
            files.add(new FileChange(path, null, 0, 0, true));
            return this;
        }

        public Commit build() {
            Identity author = new Identity(email.substring(0, email.indexOf('@')), email);
            OffsetDateTime committed = committedAt != null ? committedAt.atOffset(ZoneOffset.UTC) : authoredAt;
            return new Commit(sha, parents, author, authoredAt, author, committed, message, List.of(), files);
        }
    }

    public static final class PullRequestBuilder {
        private final int number;
        private String title = "Change things";
        private String author = "alice";
        private boolean draft;
        private Instant createdAt = at("2026-03-01T00:00");
        private Instant readyAt;
        private Instant mergedAt;
        private Instant closedAt;
        private String headRef = "feature";
        private String headSha;
        private String mergeSha;
        private final List<PullRequest.PullRequestCommit> commits = new ArrayList<>();

        private PullRequestBuilder(int number) {
            this.number = number;
        }

        public PullRequestBuilder title(String value) {
            title = value;
            return this;
        }

        public PullRequestBuilder author(String login) {
            author = login;
            return this;
        }

        public PullRequestBuilder draft() {
            draft = true;
            return this;
        }

        public PullRequestBuilder created(String isoLocal) {
            createdAt = at(isoLocal);
            return this;
        }

        public PullRequestBuilder ready(String isoLocal) {
            readyAt = at(isoLocal);
            return this;
        }

        public PullRequestBuilder merged(String isoLocal, String mergeCommitSha) {
            mergedAt = at(isoLocal);
            closedAt = mergedAt;
            mergeSha = mergeCommitSha;
            return this;
        }

        public PullRequestBuilder head(String ref, String sha) {
            headRef = ref;
            headSha = sha;
            return this;
        }

        public PullRequestBuilder commit(String sha, String authoredAt) {
            commits.add(new PullRequest.PullRequestCommit(sha, at(authoredAt)));
            return this;
        }

        public PullRequest build() {
            return new PullRequest(number, title, author, mergedAt != null ? "closed" : "open", draft, createdAt,
                    readyAt, mergedAt, closedAt, headRef, headSha, "main", mergeSha, commits, 10, 2);
        }
    }
}
