package io.gitinsight.model.events;

import java.util.UUID;

/** {@code repository.analysis.progress}: where a job is, {@code progress} in 0..100. */
public record AnalysisProgress(UUID jobId, String stage, int progress, long itemsProcessed, Long itemsTotal) {

    public AnalysisProgress {
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be within 0..100, was " + progress);
        }
    }
}
