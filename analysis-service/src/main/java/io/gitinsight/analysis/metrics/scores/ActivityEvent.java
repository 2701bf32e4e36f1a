package io.gitinsight.analysis.metrics.scores;

import java.time.Instant;

/** One thing a user did, in {@code repository} ({@code owner/name}). */
public record ActivityEvent(ActivityKind kind, Instant occurredAt, String repository) {
}
