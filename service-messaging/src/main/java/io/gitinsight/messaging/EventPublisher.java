package io.gitinsight.messaging;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

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
        return publish(envelope, () -> Uni.createFrom().voidItem());
    }

    /**
     * Publishes, and records the publication with {@code afterConfirm} once the broker confirms, even when
     * that is after the returned {@link Uni} gave up waiting or its caller cancelled it: while the broker is
     * unreachable the connector keeps the message and sends it when a connection is back, and its late
     * confirm must still count (an outbox row marked sent then, not left for a relay to send again). The
     * returned {@link Uni} completes once the broker confirmed and {@code afterConfirm}'s work is done.
     */
    public Uni<Void> publish(EventEnvelope envelope, Supplier<Uni<Void>> afterConfirm) {
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
        return Uni.createFrom().deferred(() -> {
            CompletableFuture<Void> done = new CompletableFuture<>();
            Message<String> message = Message.of(envelope.toJson(), Metadata.of(metadata))
                    .withAck(() -> {
                        afterConfirm.get().subscribe().with(recorded -> done.complete(null), done::completeExceptionally);
                        return CompletableFuture.completedFuture(null);
                    })
                    .withNack(failure -> {
                        done.completeExceptionally(failure);
                        return CompletableFuture.completedFuture(null);
                    });
            emitter.sendMessageAndForget(message);
            return Uni.createFrom().completionStage(done);
        }).ifNoItem().after(CONFIRM_TIMEOUT)
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
