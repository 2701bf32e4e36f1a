package io.gitinsight.model.events;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Objects;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.json.Json;

/**
 * The envelope of every message on {@code gitinsight.events}. {@code id} is the consumers' idempotency
 * key; {@code type} is the routing key; the payload stays a JSON tree until a consumer asks for its
 * typed form, so that an envelope can be routed, stored or dead-lettered without knowing its payload.
 */
public record EventEnvelope(UUID id, String type, int version, Instant occurredAt, String correlationId,
        UUID repositoryId, JsonNode payload) {

    public static final int CURRENT_VERSION = 1;

    public EventEnvelope {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(occurredAt, "occurred_at");
    }

    /** A new envelope for a typed payload; the payload's class must be the one its type declares. */
    public static EventEnvelope of(EventType type, String correlationId, UUID repositoryId, Object payload) {
        return withId(UUID.randomUUID(), type, correlationId, repositoryId, payload);
    }

    /**
     * An envelope with a chosen id: a producer that may publish the same fact twice (an outbox relay)
     * derives the id from the fact, so that consumers see one event.
     */
    public static EventEnvelope withId(UUID id, EventType type, String correlationId, UUID repositoryId,
            Object payload) {
        if (!type.payloadType().isInstance(payload)) {
            throw new IllegalArgumentException(
                    type.routingKey() + " carries " + type.payloadType().getSimpleName() + ", not "
                            + payload.getClass().getSimpleName());
        }
        return new EventEnvelope(id, type.routingKey(), CURRENT_VERSION,
                Instant.now().truncatedTo(ChronoUnit.MICROS), correlationId, repositoryId, toTree(payload));
    }

    /** Through bytes rather than valueToTree, so that the tree equals what a consumer parses. */
    private static JsonNode toTree(Object payload) {
        try {
            return Json.mapper().readTree(Json.mapper().writeValueAsBytes(payload));
        } catch (java.io.IOException e) {
            throw new IllegalArgumentException("payload cannot be serialized", e);
        }
    }

    @JsonIgnore
    public EventType eventType() {
        return EventType.fromRoutingKey(type)
                .orElseThrow(() -> new IllegalStateException("unknown event type " + type));
    }

    /** The payload in the form its type declares. */
    public <T> T payloadAs(Class<T> payloadType) {
        try {
            return Json.mapper().treeToValue(payload, payloadType);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("payload of " + type + " is not a " + payloadType.getSimpleName(), e);
        }
    }

    public String toJson() {
        try {
            return Json.mapper().writeValueAsString(this);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("envelope cannot be serialized", e);
        }
    }

    /** Reads an envelope; anything that is not one is refused with an IllegalArgumentException. */
    public static EventEnvelope fromJson(byte[] json) {
        try {
            return Json.mapper().readValue(json, EventEnvelope.class);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalArgumentException("not an event envelope: " + e.getMessage(), e);
        }
    }
}
