package io.gitinsight.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.rabbitmq.client.GetResponse;

import io.gitinsight.messaging.EventPublisher;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.HealthCheckReported;
import io.gitinsight.testkit.BrokerProbe;
import io.gitinsight.testkit.HealthChecks;
import io.quarkus.test.junit.QuarkusTest;

/** Envelopes reach the real {@code gitinsight.events} exchange as the contract describes them. */
@QuarkusTest
class EventPublishingTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @Inject
    EventPublisher publisher;

    @Test
    void publishesAnEnvelopeRoutedByItsTypeOnceTheBrokerConfirms() throws Exception {
        try (BrokerProbe probe = BrokerProbe.bind("repository.analysis.progress")) {
            UUID repository = UUID.randomUUID();
            EventEnvelope sent = EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, "corr-7", repository,
                    new AnalysisProgress(UUID.randomUUID(), "git_history", 25, 250, 1000L));

            publisher.publish(sent).await().atMost(WAIT);

            GetResponse message = probe.next(WAIT, e -> e.id().equals(sent.id()));
            assertThat(message.getEnvelope().getExchange()).isEqualTo("gitinsight.events");
            assertThat(message.getEnvelope().getRoutingKey()).isEqualTo("repository.analysis.progress");
            assertThat(message.getProps().getMessageId()).isEqualTo(sent.id().toString());
            assertThat(message.getProps().getCorrelationId()).isEqualTo("corr-7");
            assertThat(message.getProps().getDeliveryMode()).isEqualTo(2);
            assertThat(message.getProps().getContentType()).isEqualTo("application/json");
            assertThat(EventEnvelope.fromJson(message.getBody())).isEqualTo(sent);
        }
    }

    @Test
    void announcesItsHealthOnTheExchange() throws Exception {
        try (BrokerProbe probe = BrokerProbe.bind("system.health.check")) {
            HealthCheckReported report;
            do {
                report = EventEnvelope.fromJson(probe.next(WAIT).getBody()).payloadAs(HealthCheckReported.class);
            } while (!report.service().equals("ingestion-service"));

            assertThat(report.status()).isEqualTo("UP");
            assertThat(report.version()).isEqualTo("0.1.0-SNAPSHOT");
            assertThat(report.checks()).containsEntry(HealthChecks.RABBITMQ, "UP")
                    .containsEntry(HealthChecks.REDIS, "UP");
        }
    }
}
