package io.gitinsight.query.domain;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonRawValue;

/**
 * One stored webhook delivery: {@code status} pending (stored, not yet published), published or failed;
 * {@code processing_ms} from receipt to the broker's confirmation. {@code payload} (GitHub's JSON as it
 * arrived) only on the single-event answer.
 */
public record WebhookEvent(String deliveryId, String repository, String eventType, String action, String sender,
        String status, Instant receivedAt, Instant publishedAt, Integer processingMs, int attempts, String errorMessage,
        int sizeBytes, @JsonInclude(JsonInclude.Include.NON_NULL) @JsonRawValue String payload) {
}
