package io.gitinsight.analysis.domain;

import java.time.Instant;
import java.util.UUID;

/** An analysis job: of one repository ({@code kind = repository}) or of one user's scores ({@code user}). */
public record Job(UUID id, String kind, UUID repositoryId, String subjectLogin, String status, int progress,
        String stage, long itemsProcessed, Long itemsTotal, Instant since, Instant createdAt, Instant startedAt,
        Instant completedAt, String errorMessage, Integer batchCount, String headSha, boolean fullHistory) {

    public boolean active() {
        return status.equals("queued") || status.equals("running");
    }
}
