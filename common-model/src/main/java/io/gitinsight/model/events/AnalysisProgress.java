package io.gitinsight.model.events;

import java.util.Map;
import java.util.UUID;

/**
 * {@code repository.analysis.progress}: where a job is, {@code progress} in 0..100. Stage {@code failed}
 * carries {@code errorMessage}; {@code github} is what the job has spent at GitHub so far (requests,
 * not_modified, rest_points, graphql_cost, retries), when it talks to GitHub.
 */
public record AnalysisProgress(UUID jobId, String stage, int progress, long itemsProcessed, Long itemsTotal,
        String errorMessage, Map<String, Long> github) {

    public AnalysisProgress(UUID jobId, String stage, int progress, long itemsProcessed, Long itemsTotal) {
        this(jobId, stage, progress, itemsProcessed, itemsTotal, null, null);
    }

    public AnalysisProgress {
        if (progress < 0 || progress > 100) {
            throw new IllegalArgumentException("progress must be within 0..100, was " + progress);
        }
    }
}
