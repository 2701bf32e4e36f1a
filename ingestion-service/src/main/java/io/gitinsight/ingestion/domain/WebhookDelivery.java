package io.gitinsight.ingestion.domain;

import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.events.GitHubEventReceived;

/** A verified delivery about to be stored: its headers, the payload GitHub sent, and its normalized form. */
public record WebhookDelivery(Map<String, String> headers, JsonNode payload, int sizeBytes,
        GitHubEventReceived normalized) {
}
