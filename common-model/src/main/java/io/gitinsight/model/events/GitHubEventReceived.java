package io.gitinsight.model.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code github.event.received}: one verified webhook delivery, normalized. {@code data} holds the
 * event-specific facts; the full payload stays in ingestion's store under {@code deliveryId}.
 */
public record GitHubEventReceived(String deliveryId, String event, String action, String repositoryFullName,
        Long repositoryGithubId, String sender, Instant receivedAt, JsonNode data) {
}
