package io.gitinsight.model.events;

import java.time.Instant;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code github.event.received}: one verified webhook delivery, normalized. {@code data} holds the
 * event-specific facts; the full payload stays in ingestion's store under {@code deliveryId}.
 */
public record GitHubEventReceived(String deliveryId, String event, String action, String repositoryFullName,
        Long repositoryGithubId, String sender, Instant receivedAt, JsonNode data) {

    /** Set in {@code data} (true) when GitHub's payload calls the repository private. */
    public static final String PRIVATE_REPOSITORY = "repository_private";

    /** Whether the event is about a private repository, tracked or not: whoever relays it must not show it to all. */
    public boolean aboutPrivateRepository() {
        return data != null && data.path(PRIVATE_REPOSITORY).asBoolean(false);
    }
}
