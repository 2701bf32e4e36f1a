package io.gitinsight.messaging;

import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.smallrye.mutiny.Uni;

/**
 * How every consumer of a durable work queue treats a message (CONTRACT §3): a body that is not an envelope of the
 * expected type, or whose payload is malformed, is poison and goes to the dead-letter queue at once;
 * any other failure (database, broker) is retried with exponential back-off a bounded number of times,
 * and a message that still fails is parked on the dead-letter queue. The message is acknowledged only
 * after the work is committed.
 */
public final class EnvelopeHandler {

    private static final Logger LOG = Logger.getLogger(EnvelopeHandler.class);
    public static final int ATTEMPTS = 4;

    private EnvelopeHandler() {
    }

    public static CompletionStage<Void> handle(Message<?> message, EventType expected,
            Function<EventEnvelope, Uni<Void>> work) {
        EventEnvelope envelope;
        try {
            envelope = EventEnvelope.fromJson(MessageBodies.bytes(message.getPayload()));
            if (envelope.eventType() != expected) {
                throw new IllegalArgumentException("expected " + expected.routingKey() + ", got " + envelope.type());
            }
        } catch (IllegalArgumentException e) {
            LOG.warnf("poison message (%s), dead-lettered: %s", expected.routingKey(), e.getMessage());
            return message.nack(e);
        }
        return Uni.createFrom().deferred(() -> work.apply(envelope))
                .onFailure(e -> !(e instanceof IllegalArgumentException)).retry()
                .withBackOff(Duration.ofMillis(500), Duration.ofSeconds(10)).atMost(ATTEMPTS - 1)
                .subscribeAsCompletionStage().thenCompose(ignored -> message.ack()).exceptionallyCompose(e -> {
                    Throwable failure = e instanceof java.util.concurrent.CompletionException && e.getCause() != null
                            ? e.getCause()
                            : e;
                    LOG.errorf(failure, "%s %s failed for good, dead-lettered", expected.routingKey(), envelope.id());
                    return message.nack(failure);
                });
    }
}
