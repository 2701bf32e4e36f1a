package io.gitinsight.query.domain;

import java.time.Instant;

/**
 * Filters of the webhook analytics: repository full name (case-insensitive), GitHub event name, delivery
 * status, and the received-at range {@code [start, end]}; every one optional.
 */
public record WebhookFilter(String repository, String eventType, String status, Instant start, Instant end) {
}
