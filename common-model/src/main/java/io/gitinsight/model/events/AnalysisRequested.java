package io.gitinsight.model.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code repository.analysis.requested}: analysis asks ingestion to sync a repository. {@code since} is
 * null for a full sync and the previous run's start for an incremental one. {@code requestedBy} is the user who
 * asked (null for scheduled and webhook-triggered runs): their GitHub token reaches private repositories.
 */
public record AnalysisRequested(UUID jobId, UUID repositoryId, String fullName, String cloneUrl,
        String defaultBranch, Instant since, UUID requestedBy) {

    public AnalysisRequested(UUID jobId, UUID repositoryId, String fullName, String cloneUrl, String defaultBranch,
            Instant since) {
        this(jobId, repositoryId, fullName, cloneUrl, defaultBranch, since, null);
    }
}
