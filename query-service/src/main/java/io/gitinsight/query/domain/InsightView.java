package io.gitinsight.query.domain;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonRawValue;

/** The contract's {@code Insight}; {@code data} is passed through as analysis stored it. */
public record InsightView(UUID id, UUID repositoryId, String type, String title, String description,
        double confidenceScore, @JsonRawValue String data, Instant generatedAt, String modelVersion,
        List<String> tags) {
}
