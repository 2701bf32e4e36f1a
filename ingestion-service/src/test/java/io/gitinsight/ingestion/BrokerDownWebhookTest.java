package io.gitinsight.ingestion;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Map;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import io.gitinsight.testkit.Unreachable;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;

/** With the broker unreachable a delivery is still acknowledged once stored, and waits in the outbox. */
@QuarkusTest
@TestProfile(BrokerDownWebhookTest.BrokerUnreachable.class)
class BrokerDownWebhookTest {

    public static class BrokerUnreachable implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Unreachable.dependencies().rabbitmq().overrides();
        }
    }

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void acknowledgesAStoredDeliveryAndKeepsItPending() throws Exception {
        String delivery = WebhookDeliveries.newDeliveryId();

        WebhookDeliveries.send("push", delivery, WebhookDeliveries.fixture("push/payload.json")).then().statusCode(202);

        try (Connection db = DriverManager.getConnection(jdbcUrl, "gitinsight", "gitinsight");
                PreparedStatement query = db.prepareStatement("SELECT status, attempts, last_error "
                        + "FROM ingestion.webhook_deliveries WHERE delivery_id = ?")) {
            query.setString(1, delivery);
            ResultSet row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(row.getString("status")).isEqualTo("pending");
            assertThat(row.getInt("attempts")).isGreaterThanOrEqualTo(1);
            assertThat(row.getString("last_error")).isNotBlank();
        }
    }
}
