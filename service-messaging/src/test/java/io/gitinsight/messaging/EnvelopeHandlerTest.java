package io.gitinsight.messaging;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.eclipse.microprofile.reactive.messaging.Message;
import org.junit.jupiter.api.Test;

import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.smallrye.mutiny.Uni;

/** CONTRACT §3 for every work-queue consumer: poison dead-lettered at once, other failures retried, then parked. */
class EnvelopeHandlerTest {

    private final AtomicInteger attempts = new AtomicInteger();
    private final AtomicReference<String> outcome = new AtomicReference<>();

    @Test
    void retriesAPassingFailureAndAcknowledgesOnceTheWorkIsDone() throws Exception {
        handle(progressEvent(), envelope -> attempts.incrementAndGet() < 3
                ? Uni.createFrom().failure(new IllegalStateException("database restarting"))
                : Uni.createFrom().voidItem());

        assertThat(outcome.get()).isEqualTo("ack");
        assertThat(attempts).hasValue(3);
    }

    @Test
    void parksAMessageThatKeepsFailingAfterItsAttempts() throws Exception {
        handle(progressEvent(), envelope -> {
            attempts.incrementAndGet();
            return Uni.createFrom().failure(new IllegalStateException("broker away"));
        });

        assertThat(outcome.get()).isEqualTo("nack: broker away");
        assertThat(attempts).hasValue(EnvelopeHandler.ATTEMPTS);
    }

    @Test
    void deadLettersPoisonAtOnceWithoutRetrying() throws Exception {
        handle("{\"not\": \"an envelope\"}".getBytes(StandardCharsets.UTF_8), envelope -> {
            attempts.incrementAndGet();
            return Uni.createFrom().voidItem();
        });
        assertThat(outcome.get()).startsWith("nack");
        assertThat(attempts).hasValue(0);

        outcome.set(null);
        handle(progressEvent(), envelope -> {
            attempts.incrementAndGet();
            throw new IllegalArgumentException("job_id is required");
        });
        assertThat(outcome.get()).isEqualTo("nack: job_id is required");
        assertThat(attempts).hasValue(1);
    }

    @Test
    void deadLettersAnEnvelopeOfAnotherType() throws Exception {
        byte[] other = EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, "c", UUID.randomUUID(),
                new AnalysisProgress(UUID.randomUUID(), "git_history", 10, 1, 1L)).toJson().getBytes(StandardCharsets.UTF_8);
        CompletableFuture<Void> done = new CompletableFuture<>();
        EnvelopeHandler.handle(message(other, done), EventType.GITHUB_DATA_INGESTED, envelope -> {
            attempts.incrementAndGet();
            return Uni.createFrom().voidItem();
        });
        done.get(5, TimeUnit.SECONDS);

        assertThat(outcome.get()).startsWith("nack: expected github.data.ingested");
        assertThat(attempts).hasValue(0);
    }

    private void handle(byte[] body, java.util.function.Function<EventEnvelope, Uni<Void>> work) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        EnvelopeHandler.handle(message(body, done), EventType.REPOSITORY_ANALYSIS_PROGRESS, work);
        done.get(30, TimeUnit.SECONDS);
    }

    private Message<byte[]> message(byte[] body, CompletableFuture<Void> done) {
        return Message.of(body).withAck(() -> {
            outcome.set("ack");
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        }).withNack(failure -> {
            outcome.set("nack: " + failure.getMessage());
            done.complete(null);
            return CompletableFuture.completedFuture(null);
        });
    }

    private static byte[] progressEvent() {
        return EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, "c", UUID.randomUUID(),
                new AnalysisProgress(UUID.randomUUID(), "git_history", 10, 1, 1L)).toJson().getBytes(StandardCharsets.UTF_8);
    }
}
