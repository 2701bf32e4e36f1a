package io.gitinsight.query.domain;

import java.time.Instant;
import java.util.UUID;

/** The contract's {@code Repository}; {@code size} is GitHub's size in KB. */
public record RepositoryView(UUID id, Long githubId, String name, String fullName, String description, String url,
        String cloneUrl, String language, int stars, int forks, int watchers, long size, Instant createdAt,
        Instant updatedAt, Instant lastAnalyzed, String analysisStatus, String owner) {
}
