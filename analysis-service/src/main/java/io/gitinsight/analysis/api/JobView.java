package io.gitinsight.analysis.api;

import java.time.Instant;
import java.util.UUID;

import io.gitinsight.analysis.domain.Job;

/** The contract's {@code Job}. */
public record JobView(UUID id, String kind, UUID repositoryId, String login, String status, int progress, String stage,
        long itemsProcessed, Long itemsTotal, Instant createdAt, Instant startedAt, Instant completedAt,
        String errorMessage) {

    static JobView of(Job j) {
        return new JobView(j.id(), j.kind(), j.repositoryId(), j.subjectLogin(), j.status(), j.progress(), j.stage(),
                j.itemsProcessed(), j.itemsTotal(), j.createdAt(), j.startedAt(), j.completedAt(), j.errorMessage());
    }
}
