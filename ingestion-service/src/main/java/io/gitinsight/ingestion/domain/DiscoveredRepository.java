package io.gitinsight.ingestion.domain;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** A repository GitHub listed for an organization, in the fields of GitInsight's {@code Repository}. */
public record DiscoveredRepository(long githubId, String name, String fullName, String description, String url,
        String cloneUrl, String language, long stars, long forks, boolean isPrivate, String defaultBranch,
        Instant updatedAt) {

    public static DiscoveredRepository of(JsonNode repo) {
        String updated = text(repo, "updated_at");
        return new DiscoveredRepository(repo.path("id").asLong(), repo.path("name").asText(),
                repo.path("full_name").asText(), text(repo, "description"), text(repo, "html_url"),
                text(repo, "clone_url"), text(repo, "language"), repo.path("stargazers_count").asLong(),
                repo.path("forks_count").asLong(), repo.path("private").asBoolean(), text(repo, "default_branch"),
                updated == null ? null : Instant.parse(updated));
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }
}
