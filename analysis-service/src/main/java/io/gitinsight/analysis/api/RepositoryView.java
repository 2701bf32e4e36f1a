package io.gitinsight.analysis.api;

import java.time.Instant;
import java.util.UUID;

import io.gitinsight.analysis.domain.TrackedRepository;

/** The contract's {@code Repository}, plus the settings {@code PUT} changes. */
public record RepositoryView(UUID id, Long githubId, String name, String fullName, String description, String url,
        String cloneUrl, String language, int stars, int forks, int watchers, long size, Instant createdAt,
        Instant updatedAt, Instant lastAnalyzed, String analysisStatus, String owner, String defaultBranch,
        int analysisIntervalHours, boolean webhookEnabled) {

    static RepositoryView of(TrackedRepository r) {
        return new RepositoryView(r.id(), r.githubId(), r.name(), r.fullName(), r.description(), r.url(), r.cloneUrl(),
                r.language(), r.stars(), r.forks(), r.watchers(), r.sizeKb(), r.createdAt(), r.updatedAt(),
                r.lastAnalyzed(), r.analysisStatus(), r.owner(), r.defaultBranch(), r.analysisIntervalHours(),
                r.webhookEnabled());
    }
}
