package io.gitinsight.analysis.service;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.Issue;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Release;
import io.gitinsight.analysis.metrics.model.Review;
import io.gitinsight.model.events.GitHubEventReceived;

/**
 * The fact a normalized webhook event carries (see ingestion's WebhookNormalizer), in the engine's model;
 * empty for events that change no stored fact (stars, check runs, ...) or carry too little to be one.
 */
final class WebhookFacts {

    sealed interface Fact permits PullRequestFact, ReviewFact, IssueFact, DeploymentFact, StatusFact, ReleaseFact {
    }

    record PullRequestFact(PullRequest pullRequest) implements Fact {
    }

    record ReviewFact(Review review) implements Fact {
    }

    record IssueFact(Issue issue) implements Fact {
    }

    record DeploymentFact(Deployment deployment) implements Fact {
    }

    /** A new status of a deployment that may or may not be stored yet. */
    record StatusFact(Deployment deployment, Deployment.Status status) implements Fact {
    }

    record ReleaseFact(Release release) implements Fact {
    }

    private WebhookFacts() {
    }

    static Optional<Fact> of(GitHubEventReceived event) {
        JsonNode d = event.data();
        if (d == null) {
            return Optional.empty();
        }
        return Optional.ofNullable(switch (event.event()) {
            case "pull_request" -> has(d, "number", "created_at",
                    "state") ? new PullRequestFact(new PullRequest(d.path("number").asInt(),
                            text(d, "title"), text(d, "author"), d.path("merged").asBoolean() ? "merged" : text(d, "state"),
                            d.path("draft").asBoolean(), time(d, "created_at"),
                            "ready_for_review".equals(event.action()) ? event.receivedAt() : null, time(d, "merged_at"),
                            time(d, "closed_at"), text(d, "head_ref"), text(d, "head_sha"), text(d, "base_ref"),
                            text(d, "merge_commit_sha"), List.of(), d.path("additions").asInt(), d.path("deletions").asInt()))
                            : null;
            case "pull_request_review" ->
                has(d, "number", "review_id") ? new ReviewFact(new Review(d.path("review_id").asLong(),
                        d.path("number").asInt(), text(d, "reviewer"), upper(text(d, "state")), time(d, "submitted_at"), false))
                        : null;
            case "pull_request_review_comment" -> has(d, "number", "comment_id") && !"deleted".equals(event.action())
                    ? new ReviewFact(new Review(d.path("comment_id").asLong(), d.path("number").asInt(), text(d, "commenter"),
                            "COMMENTED", time(d, "created_at"), true))
                    : null;
            case "issues" -> has(d, "number", "created_at", "state") && !"deleted".equals(event.action())
                    ? new IssueFact(new Issue(d.path("number").asInt(), text(d, "title"), text(d, "author"), text(d, "state"),
                            time(d, "created_at"), time(d, "closed_at"), 0))
                    : null;
            case "deployment" -> has(d, "deployment_id", "sha", "created_at") ? new DeploymentFact(new Deployment(
                    d.path("deployment_id").asLong(), text(d, "environment"), text(d, "sha"), text(d, "ref"),
                    time(d, "created_at"), List.of())) : null;
            case "deployment_status" -> has(d, "deployment_id", "state", "created_at", "sha")
                    ? new StatusFact(new Deployment(d.path("deployment_id").asLong(), text(d, "environment"), text(d, "sha"),
                            text(d, "ref"), Optional.ofNullable(time(d, "deployment_created_at")).orElse(time(d, "created_at")),
                            List.of()), new Deployment.Status(text(d, "state"), time(d, "created_at")))
                    : null;
            case "release" -> has(d, "release_id", "tag_name") && !"deleted".equals(event.action())
                    ? new ReleaseFact(new Release(d.path("release_id").asLong(), text(d, "tag_name"), text(d, "name"),
                            d.path("draft").asBoolean(), d.path("prerelease").asBoolean(), time(d, "created_at"),
                            time(d, "published_at"), text(d, "author")))
                    : null;
            default -> null;
        });
    }

    private static boolean has(JsonNode d, String... fields) {
        for (String field : fields) {
            if (d.path(field).isMissingNode() || d.path(field).isNull()) {
                return false;
            }
        }
        return true;
    }

    private static String text(JsonNode d, String field) {
        JsonNode value = d.path(field);
        return value.isValueNode() && !value.isNull() ? value.asText() : null;
    }

    private static String upper(String value) {
        return value == null ? null : value.toUpperCase(java.util.Locale.ROOT);
    }

    private static Instant time(JsonNode d, String field) {
        return IngestedRecords.instant(d, field);
    }
}
