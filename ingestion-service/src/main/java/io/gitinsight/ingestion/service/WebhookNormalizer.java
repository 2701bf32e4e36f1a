package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.events.GitHubEventReceived;

/**
 * Turns a webhook payload into {@code github.event.received}: the repository, sender and action every
 * event has, plus the facts of its kind that analysis and the live streams use. Events without a
 * mapping here are published as generic ({@code data.generic = true}); their payload stays stored.
 */
public final class WebhookNormalizer {

    /** Per event: field name in {@code data} → JSON pointer into the payload. */
    static final Map<String, List<String[]>> FIELDS = Map.ofEntries(
            Map.entry("push", fields("ref", "/ref", "before", "/before", "after", "/after", "created", "/created",
                    "deleted", "/deleted", "forced", "/forced", "head_commit", "/head_commit/id", "pusher",
                    "/pusher/name", "compare", "/compare")),
            Map.entry("pull_request", fields("number", "/number", "state", "/pull_request/state", "title",
                    "/pull_request/title", "author", "/pull_request/user/login", "draft", "/pull_request/draft",
                    "merged", "/pull_request/merged", "head_ref", "/pull_request/head/ref", "head_sha",
                    "/pull_request/head/sha", "base_ref", "/pull_request/base/ref", "created_at",
                    "/pull_request/created_at", "merged_at", "/pull_request/merged_at", "closed_at",
                    "/pull_request/closed_at", "merge_commit_sha", "/pull_request/merge_commit_sha", "additions",
                    "/pull_request/additions", "deletions", "/pull_request/deletions")),
            Map.entry("pull_request_review", fields("number", "/pull_request/number", "review_id", "/review/id",
                    "state", "/review/state", "reviewer", "/review/user/login", "submitted_at",
                    "/review/submitted_at", "pull_request_author", "/pull_request/user/login")),
            Map.entry("pull_request_review_comment", fields("number", "/pull_request/number", "comment_id",
                    "/comment/id", "commenter", "/comment/user/login", "created_at", "/comment/created_at", "path",
                    "/comment/path", "pull_request_author", "/pull_request/user/login")),
            Map.entry("issues", fields("number", "/issue/number", "state", "/issue/state", "title", "/issue/title",
                    "author", "/issue/user/login", "created_at", "/issue/created_at", "closed_at",
                    "/issue/closed_at")),
            Map.entry("issue_comment", fields("number", "/issue/number", "comment_id", "/comment/id", "commenter",
                    "/comment/user/login", "created_at", "/comment/created_at", "is_pull_request",
                    "/issue/pull_request/url")),
            Map.entry("check_run", fields("name", "/check_run/name", "status", "/check_run/status", "conclusion",
                    "/check_run/conclusion", "head_sha", "/check_run/head_sha", "started_at",
                    "/check_run/started_at", "completed_at", "/check_run/completed_at")),
            Map.entry("check_suite", fields("status", "/check_suite/status", "conclusion",
                    "/check_suite/conclusion", "head_branch", "/check_suite/head_branch", "head_sha",
                    "/check_suite/head_sha")),
            Map.entry("workflow_run", fields("name", "/workflow_run/name", "status", "/workflow_run/status",
                    "conclusion", "/workflow_run/conclusion", "head_branch", "/workflow_run/head_branch",
                    "head_sha", "/workflow_run/head_sha", "run_started_at", "/workflow_run/run_started_at",
                    "updated_at", "/workflow_run/updated_at")),
            Map.entry("deployment", fields("deployment_id", "/deployment/id", "environment",
                    "/deployment/environment", "sha", "/deployment/sha", "ref", "/deployment/ref", "created_at",
                    "/deployment/created_at")),
            Map.entry("deployment_status", fields("deployment_id", "/deployment/id", "deployment_created_at",
                    "/deployment/created_at", "ref", "/deployment/ref", "state",
                    "/deployment_status/state", "environment", "/deployment_status/environment", "sha",
                    "/deployment/sha", "created_at", "/deployment_status/created_at")),
            Map.entry("release",
                    fields("release_id", "/release/id", "tag_name", "/release/tag_name", "name", "/release/name", "draft",
                            "/release/draft", "prerelease", "/release/prerelease", "published_at",
                            "/release/published_at", "created_at", "/release/created_at", "author", "/release/author/login")),
            Map.entry("create", fields("ref", "/ref", "ref_type", "/ref_type")),
            Map.entry("delete", fields("ref", "/ref", "ref_type", "/ref_type")),
            Map.entry("star", fields("starred_at", "/starred_at", "stargazers", "/repository/stargazers_count")),
            Map.entry("fork", fields("fork", "/forkee/full_name", "forks", "/repository/forks_count")),
            Map.entry("repository", fields("visibility", "/repository/visibility", "default_branch",
                    "/repository/default_branch")),
            Map.entry("installation", fields("installation_id", "/installation/id", "account",
                    "/installation/account/login")));

    private WebhookNormalizer() {
    }

    public static GitHubEventReceived normalize(String deliveryId, String event, JsonNode payload, Instant receivedAt) {
        ObjectNode data = JsonNodeFactory.instance.objectNode();
        List<String[]> fields = FIELDS.get(event);
        if (fields == null) {
            data.put("generic", true);
        } else {
            for (String[] field : fields) {
                JsonNode value = payload.at(field[1]);
                if (!value.isMissingNode()) {
                    data.set(field[0], value);
                }
            }
            if (event.equals("push")) {
                data.put("commits", payload.path("commits").size());
                data.put("distinct_commits", countDistinct(payload.path("commits")));
            }
        }
        JsonNode repository = payload.path("repository");
        if (repository.path("private").asBoolean(false)) {
            // whoever relays the event (the global activity stream) must not show it to everyone, tracked or not
            data.put(GitHubEventReceived.PRIVATE_REPOSITORY, true);
        }
        return new GitHubEventReceived(deliveryId, event, text(payload.path("action")),
                text(repository.path("full_name")), repository.path("id").isNumber() ? repository.path("id").asLong() : null,
                text(payload.path("sender").path("login")), receivedAt, data);
    }

    private static int countDistinct(JsonNode commits) {
        int distinct = 0;
        for (JsonNode commit : commits) {
            if (commit.path("distinct").asBoolean(true)) {
                distinct++;
            }
        }
        return distinct;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText() : null;
    }

    private static List<String[]> fields(String... pairs) {
        String[][] out = new String[pairs.length / 2][];
        for (int i = 0; i < pairs.length; i += 2) {
            out[i / 2] = new String[] { pairs[i], pairs[i + 1] };
        }
        return List.of(out);
    }
}
