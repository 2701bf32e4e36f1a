package io.gitinsight.ingestion.messaging;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.ingestion.repository.WebhookDeliveryRepository;
import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.GitHubEventReceived;
import io.smallrye.mutiny.Uni;

/**
 * Publishes a stored delivery as {@code github.event.received} and marks it published once confirmed,
 * also when the confirm comes after whoever published it stopped waiting.
 * The envelope id is derived from the delivery id, so the request path and the relay publishing the same
 * delivery produce one event for idempotent consumers.
 */
@ApplicationScoped
public class GitHubEventPublisher {

    private final EventPublisher publisher;
    private final WebhookDeliveryRepository deliveries;

    public GitHubEventPublisher(EventPublisher publisher, WebhookDeliveryRepository deliveries) {
        this.publisher = publisher;
        this.deliveries = deliveries;
    }

    public Uni<Void> publish(GitHubEventReceived event) {
        EventEnvelope envelope = EventEnvelope.withId(envelopeId(event.deliveryId()), EventType.GITHUB_EVENT_RECEIVED,
                event.deliveryId(), null, event);
        // marked published by the broker's confirm itself: a confirm that comes after the request or the relay
        // stopped waiting (the broker was away, the connector sent the message when it came back) still counts
        return publisher.publish(envelope, () -> deliveries.markPublished(event.deliveryId(), Instant.now()));
    }

    public static UUID envelopeId(String deliveryId) {
        return UUID.nameUUIDFromBytes(("github-delivery:" + deliveryId).getBytes(StandardCharsets.UTF_8));
    }
}
