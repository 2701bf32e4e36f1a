package io.gitinsight.analysis.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.Issue;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Release;
import io.gitinsight.analysis.metrics.model.Review;
import io.gitinsight.analysis.metrics.model.SourceFile;

/**
 * Reads the records of {@code github.data.ingested} (ingestion's commit records and GitHub's REST shapes,
 * see DataIngested) into the metrics engine's model. A record missing what makes it a record (a sha, a
 * number, a date) is refused with {@link IllegalArgumentException}: the batch is poison, not data.
 */
public final class IngestedRecords {

    private IngestedRecords() {
    }

    public static Commit commit(JsonNode c) {
        List<Identity> coAuthors = new ArrayList<>();
        c.path("co_authors").forEach(a -> coAuthors.add(identity(a)));
        List<FileChange> files = new ArrayList<>();
        c.path("files").forEach(f -> files.add(new FileChange(required(f, "path"), text(f, "old_path"),
                f.path("additions").asInt(), f.path("deletions").asInt(), f.path("binary").asBoolean())));
        List<String> parents = new ArrayList<>();
        c.path("parents").forEach(p -> parents.add(p.asText()));
        return new Commit(required(c, "sha"), parents, identity(c.path("author")), offsetTime(c, "authored_at"),
                identity(c.path("committer")), offsetTime(c, "committed_at"), text(c, "message"), coAuthors, files);
    }

    public static PullRequest pullRequest(JsonNode p) {
        List<PullRequest.PullRequestCommit> commits = new ArrayList<>();
        p.path("pr_commits").forEach(c -> commits.add(new PullRequest.PullRequestCommit(required(c, "sha"),
                instant(c, "authored_at"))));
        String state = p.hasNonNull("merged_at") ? "merged" : required(p, "state");
        return new PullRequest(number(p), text(p, "title") == null ? "" : text(p, "title"), login(p.path("user")),
                state, p.path("draft").asBoolean(), requiredInstant(p, "created_at"), instant(p, "ready_for_review_at"),
                instant(p, "merged_at"), instant(p, "closed_at"), text(p.path("head"), "ref"),
                text(p.path("head"), "sha"), text(p.path("base"), "ref"), text(p, "merge_commit_sha"), commits,
                p.path("additions").asInt(), p.path("deletions").asInt());
    }

    public static Review review(JsonNode r) {
        if (!r.path("id").canConvertToLong() || !r.path("pull_request_number").canConvertToInt()) {
            throw new IllegalArgumentException("a review needs id and pull_request_number");
        }
        boolean comment = "comment".equals(text(r, "kind"));
        Instant submitted = instant(r, "submitted_at");
        if (submitted == null && comment) {
            submitted = instant(r, "created_at");
        }
        return new Review(r.path("id").asLong(), r.path("pull_request_number").asInt(), login(r.path("user")),
                comment ? "COMMENTED" : required(r, "state"), submitted, comment);
    }

    public static Issue issue(JsonNode i) {
        return new Issue(number(i), text(i, "title") == null ? "" : text(i, "title"), login(i.path("user")),
                required(i, "state"), requiredInstant(i, "created_at"), instant(i, "closed_at"),
                i.path("comments").asInt());
    }

    public static Deployment deployment(JsonNode d) {
        List<Deployment.Status> statuses = new ArrayList<>();
        d.path("statuses").forEach(s -> statuses.add(new Deployment.Status(required(s, "state"),
                requiredInstant(s, "created_at"))));
        if (!d.path("id").canConvertToLong()) {
            throw new IllegalArgumentException("a deployment needs an id");
        }
        return new Deployment(d.path("id").asLong(), text(d, "environment") == null ? "" : text(d, "environment"),
                required(d, "sha"), text(d, "ref"), requiredInstant(d, "created_at"), statuses);
    }

    public static Release release(JsonNode r) {
        if (!r.path("id").canConvertToLong()) {
            throw new IllegalArgumentException("a release needs an id");
        }
        return new Release(r.path("id").asLong(), required(r, "tag_name"), text(r, "name"), r.path("draft").asBoolean(),
                r.path("prerelease").asBoolean(), instant(r, "created_at"), instant(r, "published_at"),
                login(r.path("author")));
    }

    public static SourceFile sourceFile(JsonNode f) {
        return new SourceFile(required(f, "path"), text(f, "language"), f.path("bytes").asLong(), f.path("code").asInt(),
                f.path("comments").asInt(), f.path("blanks").asInt());
    }

    private static Identity identity(JsonNode node) {
        return new Identity(text(node, "name"), text(node, "email"));
    }

    private static String login(JsonNode user) {
        return text(user, "login");
    }

    private static int number(JsonNode node) {
        if (!node.path("number").canConvertToInt()) {
            throw new IllegalArgumentException("a record without a number");
        }
        return node.path("number").asInt();
    }

    static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static String required(JsonNode node, String field) {
        String value = text(node, field);
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("a record without " + field);
        }
        return value;
    }

    static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        try {
            return value == null ? null : OffsetDateTime.parse(value).toInstant();
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 time: " + value);
        }
    }

    private static Instant requiredInstant(JsonNode node, String field) {
        Instant value = instant(node, field);
        if (value == null) {
            throw new IllegalArgumentException("a record without " + field);
        }
        return value;
    }

    private static OffsetDateTime offsetTime(JsonNode node, String field) {
        String value = required(node, field);
        try {
            return OffsetDateTime.parse(value);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not an ISO-8601 time: " + value);
        }
    }
}
