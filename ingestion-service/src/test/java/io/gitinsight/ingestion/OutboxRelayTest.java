package io.gitinsight.ingestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.domain.WebhookDelivery;
import io.gitinsight.ingestion.messaging.GitHubEventPublisher;
import io.gitinsight.ingestion.repository.WebhookDeliveryRepository;
import io.gitinsight.ingestion.service.WebhookNormalizer;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.json.Json;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.junit.QuarkusTest;

/** A delivery stored while the broker could not confirm it is published by the relay afterwards. */
@QuarkusTest
class OutboxRelayTest {

    @Inject
    WebhookDeliveryRepository deliveries;
    @Inject
    GitHubEventPublisher publisher;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void publishesADeliveryThatWasStoredButNeverConfirmed() throws Exception {
        String delivery = WebhookDeliveries.newDeliveryId();
        JsonNode payload = Json.mapper().readTree(WebhookDeliveries.fixture("release/published.payload.json"));
        Instant tenSecondsAgo = Instant.now().minusSeconds(10).truncatedTo(ChronoUnit.MICROS);
        var event = WebhookNormalizer.normalize(delivery, "release", payload, tenSecondsAgo);

        try (BrokerProbe probe = BrokerProbe.bind("github.event.received")) {
            assertThat(deliveries.insertIfNew(new WebhookDelivery(Map.of("x-github-event", "release"), payload, 100, event))
                    .await().indefinitely()).isTrue();

            EventEnvelope published = WebhookEndpointTest.nextFor(probe, delivery);

            assertThat(published.payloadAs(io.gitinsight.model.events.GitHubEventReceived.class).data()
                    .get("tag_name").asText()).isEqualTo(payload.at("/release/tag_name").asText());
        }
        assertThat(statusOf(delivery)).isEqualTo("published");
    }

    @Test
    void aConfirmThatComesAfterThePublisherStoppedWaitingStillMarksTheDeliveryPublished() throws Exception {
        String delivery = WebhookDeliveries.newDeliveryId();
        JsonNode payload = Json.mapper().readTree(WebhookDeliveries.fixture("star/created.payload.json"));
        var event = WebhookNormalizer.normalize(delivery, "star", payload, Instant.now().truncatedTo(ChronoUnit.MICROS));
        deliveries.insertIfNew(new WebhookDelivery(Map.of(), payload, 10, event)).await().indefinitely();
        try (Connection db = DriverManager.getConnection(jdbcUrl, "gitinsight", "gitinsight")) {
            // out of the relay's reach: only the confirm of the publish below can mark it
            db.createStatement().executeUpdate("UPDATE ingestion.webhook_deliveries SET relay_lease_until = "
                    + "now() + interval '1 hour' WHERE delivery_id = '" + delivery + "'");
        }

        try (BrokerProbe probe = BrokerProbe.bind("github.event.received")) {
            // the caller gives up before any broker could answer, as a request does after publish-wait
            assertThatThrownBy(() -> publisher.publish(event).ifNoItem().after(Duration.ofNanos(1)).fail()
                    .await().atMost(Duration.ofSeconds(5))).isInstanceOf(io.smallrye.mutiny.TimeoutException.class);

            assertThat(WebhookEndpointTest.nextFor(probe, delivery).id()).isEqualTo(GitHubEventPublisher.envelopeId(delivery));
        }
        assertThat(statusOf(delivery)).isEqualTo("published");
    }

    @Test
    void letsOnlyOneRelayClaimADeliveryAtATime() throws Exception {
        String delivery = WebhookDeliveries.newDeliveryId();
        JsonNode payload = Json.mapper().readTree(WebhookDeliveries.fixture("star/created.payload.json"));
        // received just now: the service's own relay leaves it alone (it waits publish-wait first)
        var event = WebhookNormalizer.normalize(delivery, "star", payload, Instant.now().truncatedTo(ChronoUnit.MICROS));
        try (Connection db = DriverManager.getConnection(jdbcUrl, "gitinsight", "gitinsight")) {
            // park every other pending delivery, so the claims below see only this one
            db.createStatement().executeUpdate("UPDATE ingestion.webhook_deliveries SET relay_lease_until = "
                    + "now() + interval '1 hour' WHERE status = 'pending'");
        }
        deliveries.insertIfNew(new WebhookDelivery(Map.of(), payload, 10, event)).await().indefinitely();

        Instant later = Instant.now().plusSeconds(60);
        var first = deliveries.claimPending(100, later, Duration.ofMinutes(1)).await().indefinitely();
        var second = deliveries.claimPending(100, later, Duration.ofMinutes(1)).await().indefinitely();

        assertThat(first).extracting(e -> e.deliveryId()).contains(delivery);
        assertThat(second).extracting(e -> e.deliveryId()).doesNotContain(delivery);
    }

    private String statusOf(String delivery) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        String status = null;
        while (System.nanoTime() < deadline) {
            try (Connection db = DriverManager.getConnection(jdbcUrl, "gitinsight", "gitinsight");
                    PreparedStatement query = db.prepareStatement(
                            "SELECT status FROM ingestion.webhook_deliveries WHERE delivery_id = ?")) {
                query.setString(1, delivery);
                ResultSet row = query.executeQuery();
                status = row.next() ? row.getString(1) : null;
            }
            if ("published".equals(status)) {
                return status;
            }
            Thread.sleep(100);
        }
        return status;
    }
}
