package io.gitinsight.query.domain;

import java.time.Instant;
import java.util.Map;

/**
 * Delivery counts of a set of webhook events. {@code success_rate} is published over all, in percent;
 * {@code avg_processing_time_ms} averages the deliveries that were published; both null without events.
 */
public record WebhookStats(long totalEvents, long successfulEvents, long failedEvents, long pendingEvents,
        Double successRate, Double avgProcessingTimeMs) {

    /** Per repository ({@code repository} null for deliveries that name none, such as an org ping). */
    public record PerRepository(String repository, long totalEvents, long successfulEvents, long failedEvents,
            long pendingEvents, Double successRate, Double avgProcessingTimeMs, Instant lastEventAt) {
    }

    /** Across everything in range. */
    public record Summary(long totalEvents, long successfulEvents, long failedEvents, long pendingEvents,
            Double successRate, Double avgProcessingTimeMs, Double p95ProcessingTimeMs, long uniqueRepositories,
            long uniqueSenders, Map<String, Long> eventTypes) {
    }

    /** What one sender did, by the webhook events GitHub attributed to them. */
    public record Contributor(String sender, long totalEvents, long pullRequestsOpened, long pullRequestsMerged,
            long reviews, long pushes, long issuesOpened, long repositories, Instant lastEventAt) {
    }

    /** One bucket of the trend; empty buckets are listed with zeros. */
    public record Bucket(Instant t, long totalEvents, long successfulEvents, long failedEvents,
            Double avgProcessingTimeMs) {
    }
}
