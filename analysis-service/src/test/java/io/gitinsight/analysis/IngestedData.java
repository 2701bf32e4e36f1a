package io.gitinsight.analysis;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.json.Json;

/**
 * Builds what ingestion publishes, in its exact shapes (CommitRecord JSON, GitHub's REST pulls, reviews and
 * deployments, the tip tree), so a test can play ingestion's part.
 */
public final class IngestedData {

    private IngestedData() {
    }

    public static ObjectNode commit(String sha, List<String> parents, String name, String email, String authoredAt,
            String message, Object... files) {
        ObjectNode c = Json.mapper().createObjectNode().put("sha", sha);
        parents.forEach(c.putArray("parents")::add);
        c.putObject("author").put("name", name).put("email", email);
        c.put("authored_at", authoredAt);
        c.putObject("committer").put("name", name).put("email", email);
        c.put("committed_at", authoredAt).put("message", message);
        c.putArray("co_authors");
        ArrayNode changes = c.putArray("files");
        for (int i = 0; i < files.length; i += 3) {
            changes.addObject().put("path", (String) files[i]).putNull("old_path").put("additions", (int) files[i + 1])
                    .put("deletions", (int) files[i + 2]).put("binary", false);
        }
        return c;
    }

    public static ObjectNode pull(int number, String author, String createdAt, String mergedAt, String mergeSha,
            String headRef) {
        ObjectNode p = Json.mapper().createObjectNode().put("id", 1000 + number).put("number", number)
                .put("title", "change " + number).put("state", mergedAt == null ? "open" : "closed").put("draft", false)
                .put("created_at", createdAt).put("updated_at", createdAt);
        p.putObject("user").put("login", author);
        if (mergedAt == null) {
            p.putNull("merged_at").putNull("closed_at").putNull("merge_commit_sha");
        } else {
            p.put("merged_at", mergedAt).put("closed_at", mergedAt).put("merge_commit_sha", mergeSha);
        }
        p.putObject("head").put("ref", headRef).put("sha", "f".repeat(40));
        p.putObject("base").put("ref", "main");
        return p;
    }

    public static ObjectNode review(long id, int number, String reviewer, String state, String submittedAt) {
        ObjectNode r = Json.mapper().createObjectNode().put("id", id).put("pull_request_number", number)
                .put("state", state).put("submitted_at", submittedAt).put("kind", "review");
        r.putObject("user").put("login", reviewer);
        return r;
    }

    public static ObjectNode deployment(long id, String sha, String createdAt, String state, String finishedAt) {
        ObjectNode d = Json.mapper().createObjectNode().put("id", id).put("sha", sha).put("ref", "main")
                .put("environment", "production").put("created_at", createdAt);
        d.putArray("statuses").addObject().put("state", state).put("created_at", finishedAt);
        return d;
    }

    public static ObjectNode repository(String fullName, long githubId) {
        ObjectNode m = Json.mapper().createObjectNode().put("github_id", githubId).put("name", fullName.split("/")[1])
                .put("full_name", fullName).put("description", "refreshed by the sync").put("language", "Java")
                .put("stars", 50).put("forks", 3).put("watchers", 4).put("size", 2048).put("default_branch", "main")
                .put("created_at", "2020-01-02T03:04:05Z").put("updated_at", "2026-11-20T00:00:00Z");
        m.putObject("languages").put("Java", 5000).put("Markdown", 100);
        return m;
    }

    public static ObjectNode tree(String head, Object... files) {
        ObjectNode t = Json.mapper().createObjectNode().put("branch", "refs/heads/main").put("head_sha", head);
        ArrayNode list = t.putArray("files");
        for (int i = 0; i < files.length; i += 3) {
            list.addObject().put("path", (String) files[i]).put("language", (String) files[i + 1]).put("bytes", 100)
                    .put("code", (int) files[i + 2]).put("comments", 1).put("blanks", 1);
        }
        return t;
    }

    /**
     * One batch; {@code kinds} are the lists in DataIngested's order: commits, pulls, reviews, issues, deployments, releases.
     */
    public static DataIngested batch(UUID job, UUID repository, int number, int count, JsonNode metadata, JsonNode tree,
            List<JsonNode> commits, List<JsonNode> pulls, List<JsonNode> reviews, List<JsonNode> deployments) {
        return new DataIngested(job, repository, number, count, metadata, tree, new ArrayList<>(commits),
                new ArrayList<>(pulls), new ArrayList<>(reviews), List.of(), new ArrayList<>(deployments), List.of());
    }
}
