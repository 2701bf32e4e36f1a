package io.gitinsight.ingestion.messaging;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.ingestion.config.WebhookConfig;
import io.gitinsight.ingestion.repository.WebhookDeliveryRepository;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Publishes the deliveries that were stored but not confirmed by the broker (it was down, or slow), in
 * the order they arrived. Runs every few seconds; a delivery stays pending until a confirm arrives.
 * Each round claims its deliveries with a lease, so replicas share the backlog instead of repeating it.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Long enough for a round to publish its batch; a crashed replica's claims lapse after it. */
    static final java.time.Duration LEASE = java.time.Duration.ofSeconds(30);

    private final WebhookDeliveryRepository deliveries;
    private final GitHubEventPublisher publisher;
    private final WebhookConfig config;

    public OutboxRelay(WebhookDeliveryRepository deliveries, GitHubEventPublisher publisher, WebhookConfig config) {
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.config = config;
    }

    @Scheduled(every = "${gitinsight.webhooks.relay-interval:3s}", delayed = "3s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> relay() {
        return deliveries.claimPending(config.relayBatchSize(), java.time.Instant.now().minus(config.publishWait()),
                LEASE).onItem()
                .transformToMulti(Multi.createFrom()::iterable)
                .onItem().transformToUniAndConcatenate(event -> publisher.publish(event).onFailure().recoverWithUni(e -> {
                    LOG.debugf("relay could not publish %s: %s", event.deliveryId(), e.toString());
                    return deliveries.markAttemptFailed(event.deliveryId(), e.toString());
                }))
                .collect().last().replaceWithVoid()
                .onFailure().invoke(e -> LOG.warnf("outbox relay round failed: %s", e.toString()))
                .onFailure().recoverWithNull();
    }
}
