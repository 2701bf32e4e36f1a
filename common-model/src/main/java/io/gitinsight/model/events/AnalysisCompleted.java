package io.gitinsight.model.events;

import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code repository.analysis.completed}: a job ended; {@code status} is {@code completed} or
 * {@code failed}, {@code metrics} the headline numbers when it completed.
 */
public record AnalysisCompleted(UUID jobId, String status, JsonNode metrics, String errorMessage) {

    public AnalysisCompleted {
        // JSON null reads back as a NullNode: keep one representation of "no metrics"
        metrics = metrics == null || metrics.isNull() ? null : metrics;
    }
}
