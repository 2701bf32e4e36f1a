package io.gitinsight.query.domain;

import java.time.Instant;
import java.util.UUID;

/** A repository's most recent analysis job, for a subscriber that connects between events. */
public record JobState(UUID jobId, UUID repositoryId, String status, String stage, int progress, long itemsProcessed,
        Long itemsTotal, String errorMessage, Instant createdAt, Instant completedAt) {
}
