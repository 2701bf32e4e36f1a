package io.gitinsight.query.stream;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.json.Json;

/**
 * What a stream subscriber receives (CONTRACT §2): {@code type} is one of analysis.progress,
 * analysis.completed, insights.generated, github.event. {@code githubEvent} and {@code repositoryFullName}
 * are not sent; the global activity filters match on them.
 */
public record StreamMessage(String type, UUID repositoryId, Instant occurredAt, JsonNode data, String githubEvent,
        String repositoryFullName) {

    public static final String PROGRESS = "analysis.progress";
    public static final String COMPLETED = "analysis.completed";
    public static final String INSIGHTS = "insights.generated";
    public static final String GITHUB = "github.event";

    /** The wire form, serialized once however many subscribers receive it. */
    public String toJson() {
        var node = Json.mapper().createObjectNode();
        node.put("type", type);
        node.put("repository_id", repositoryId == null ? null : repositoryId.toString());
        node.put("occurred_at", occurredAt.toString());
        node.set("data", data);
        try {
            return Json.mapper().writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stream message cannot be serialized", e);
        }
    }

    /** Whether this is news about a repository's analysis, what the repository-updates stream carries. */
    public boolean isRepositoryUpdate() {
        return !GITHUB.equals(type);
    }
}
