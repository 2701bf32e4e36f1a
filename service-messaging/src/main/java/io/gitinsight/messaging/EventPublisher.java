package io.gitinsight.messaging;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;

import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.rabbitmq.OutgoingRabbitMQMetadata;

/**
 * Publishes envelopes on {@code gitinsight.events} with the envelope's type as routing key and its id
 * as message id, persistent. The returned {@link Uni} completes only when the broker has confirmed the
 * message, so a caller can acknowledge its own input (or mark an outbox row sent) afterwards and
 * never lose an event.
 */
@ApplicationScoped
public class EventPublisher {

    static final Duration CONFIRM_TIMEOUT = Duration.ofSeconds(10);

    private final MutinyEmitter<String> emitter;

    public EventPublisher(@Channel("events-out") MutinyEmitter<String> emitter) {
        this.emitter = emitter;
    }

    public Uni<Void> publish(EventEnvelope envelope) {
        OutgoingRabbitMQMetadata metadata = OutgoingRabbitMQMetadata.builder()
                .withRoutingKey(envelope.type())
                .withMessageId(envelope.id().toString())
                .withCorrelationId(envelope.correlationId())
                .withContentType("application/json")
                .withContentEncoding("utf-8")
                .withDeliveryMode(2)
                .withTimestamp(ZonedDateTime.ofInstant(envelope.occurredAt(), ZoneOffset.UTC))
                .withType(envelope.type())
                .build();
        return Uni.createFrom().emitter(done -> {
            Message<String> message = Message.of(envelope.toJson(), Metadata.of(metadata))
                    .withAck(() -> {
                        done.complete(null);
                        return java.util.concurrent.CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        done.fail(failure);
                        return java.util.concurrent.CompletableFuture.completedFuture(null);
                    });
            emitter.sendMessageAndForget(message);
        }).replaceWithVoid().ifNoItem().after(CONFIRM_TIMEOUT)
                .failWith(() -> unavailable(envelope, "did not confirm it within " + CONFIRM_TIMEOUT.toSeconds() + " s", null))
                .onFailure(e -> !(e instanceof ApiException))
                .transform(e -> unavailable(envelope, "refused it: " + e.getMessage(), e));
    }

    /**
     * The broker is part of the request's work: when it does not take an event, the request fails as
     * CONTRACT §2 says for a broker that is down (503 {@code UPSTREAM_UNAVAILABLE}), never as a 500.
     */
    private static ApiException unavailable(EventEnvelope envelope, String what, Throwable cause) {
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 503, "the message broker " + what + " (" + envelope.type()
                + " " + envelope.id() + ")", java.util.Map.of("upstream", "rabbitmq"), cause);
    }
}
