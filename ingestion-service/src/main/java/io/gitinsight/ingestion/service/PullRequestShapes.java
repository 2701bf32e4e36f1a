package io.gitinsight.ingestion.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.json.Json;

/**
 * GraphQL answers turned into the REST shapes {@code github.data.ingested} has always carried, so that
 * analysis reads one format whichever API the data came from. A pull request also carries
 * {@code ready_for_review_at} and (GraphQL only) {@code pr_commits}; reviews and review comments share
 * the reviews list, told apart by {@code kind}.
 */
final class PullRequestShapes {

    private PullRequestShapes() {
    }

    /** A pull request node as GitHub's REST pull shape; {@code commits} are its PullRequestCommit nodes. */
    static ObjectNode pullRequest(JsonNode pr, List<JsonNode> commits) {
        ObjectNode rest = Json.mapper().createObjectNode();
        rest.put("id", pr.path("fullDatabaseId").asLong());
        rest.put("number", pr.path("number").asInt());
        rest.put("title", pr.path("title").asText());
        rest.set("user", user(pr.path("author")));
        rest.put("state", pr.path("state").asText().equals("OPEN") ? "open" : "closed");
        rest.put("draft", pr.path("isDraft").asBoolean());
        rest.set("created_at", pr.path("createdAt"));
        rest.set("updated_at", pr.path("updatedAt"));
        rest.set("closed_at", orNull(pr.path("closedAt")));
        rest.set("merged_at", orNull(pr.path("mergedAt")));
        rest.set("merge_commit_sha", orNull(pr.path("mergeCommit").path("oid")));
        rest.putObject("head").put("ref", pr.path("headRefName").asText()).put("sha", pr.path("headRefOid").asText());
        rest.putObject("base").put("ref", pr.path("baseRefName").asText());
        rest.put("additions", pr.path("additions").asInt());
        rest.put("deletions", pr.path("deletions").asInt());
        rest.set("ready_for_review_at", readyForReview(pr));
        ArrayNode prCommits = rest.putArray("pr_commits");
        for (JsonNode commit : commits) {
            prCommits.addObject().put("sha", commit.path("commit").path("oid").asText())
                    .set("authored_at", commit.path("commit").path("authoredDate"));
        }
        return rest;
    }

    /** A review node as GitHub's REST review shape. */
    static ObjectNode review(JsonNode review, int pullRequestNumber) {
        ObjectNode rest = Json.mapper().createObjectNode();
        rest.put("id", review.path("fullDatabaseId").asLong());
        rest.put("pull_request_number", pullRequestNumber);
        rest.set("user", user(review.path("author")));
        rest.put("state", review.path("state").asText());
        rest.set("submitted_at", orNull(review.path("submittedAt")));
        rest.put("kind", "review");
        return rest;
    }

    /** A review comment node, in the reviews list as a comment submitted when it was created. */
    static ObjectNode comment(JsonNode comment, int pullRequestNumber) {
        return comment(comment.path("fullDatabaseId").asLong(), pullRequestNumber, comment.path("author"),
                comment.path("createdAt"));
    }

    /** A REST review comment ({@code pulls/comments}): its pull request is the number its URL ends with. */
    static ObjectNode restComment(JsonNode comment) {
        String url = comment.path("pull_request_url").asText();
        int number = Integer.parseInt(url.substring(url.lastIndexOf('/') + 1));
        return comment(comment.path("id").asLong(), number, comment.path("user"), comment.path("created_at"));
    }

    private static ObjectNode comment(long id, int pullRequestNumber, JsonNode author, JsonNode createdAt) {
        ObjectNode rest = Json.mapper().createObjectNode();
        rest.put("id", id);
        rest.put("pull_request_number", pullRequestNumber);
        rest.set("user", user(author));
        rest.put("state", "COMMENTED");
        rest.set("submitted_at", orNull(createdAt));
        rest.put("kind", "comment");
        return rest;
    }

    /**
     * When a draft was last marked ready for review; null for a pull request that never was a draft, and
     * for one that is a draft again now.
     */
    private static JsonNode readyForReview(JsonNode pr) {
        JsonNode event = pr.path("timelineItems").path("nodes").path(0);
        return pr.path("isDraft").asBoolean() ? Json.mapper().nullNode() : orNull(event.path("createdAt"));
    }

    private static JsonNode user(JsonNode author) {
        // a deleted account ("ghost") has no author in GraphQL
        return author.hasNonNull("login") ? Json.mapper().createObjectNode().put("login", author.get("login").asText())
                : Json.mapper().nullNode();
    }

    private static JsonNode orNull(JsonNode value) {
        return value.isMissingNode() ? Json.mapper().nullNode() : value;
    }
}
