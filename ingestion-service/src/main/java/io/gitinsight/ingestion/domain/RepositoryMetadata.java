package io.gitinsight.ingestion.domain;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/** What GitHub says of a repository, in the fields GitInsight's {@code Repository} carries. */
public record RepositoryMetadata(long githubId, String name, String fullName, String description, String url,
        String cloneUrl, String language, long stars, long forks, long watchers, long size, String defaultBranch,
        boolean isPrivate, Instant createdAt, Instant updatedAt, Instant pushedAt, String owner, long openIssuesCount) {

    public static RepositoryMetadata of(JsonNode repo) {
        return new RepositoryMetadata(repo.path("id").asLong(), repo.path("name").asText(), repo.path("full_name").asText(),
                text(repo, "description"), text(repo, "html_url"), text(repo, "clone_url"), text(repo, "language"),
                repo.path("stargazers_count").asLong(), repo.path("forks_count").asLong(),
                repo.path("subscribers_count").asLong(repo.path("watchers_count").asLong()), repo.path("size").asLong(),
                text(repo, "default_branch"), repo.path("private").asBoolean(), instant(repo, "created_at"),
                instant(repo, "updated_at"), instant(repo, "pushed_at"), repo.path("owner").path("login").asText(null),
                repo.path("open_issues_count").asLong());
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() ? value.asText() : null;
    }

    private static Instant instant(JsonNode node, String field) {
        String value = text(node, field);
        return value == null ? null : Instant.parse(value);
    }
}
