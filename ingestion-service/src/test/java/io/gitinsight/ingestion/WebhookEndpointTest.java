package io.gitinsight.ingestion;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.messaging.GitHubEventPublisher;
import io.gitinsight.ingestion.security.WebhookSignature;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.json.Json;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class WebhookEndpointTest {

    private static final Duration WAIT = Duration.ofSeconds(15);

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;

    @Test
    void acceptsEveryFixtureWithItsSignatureAndRefusesAWrongOne() throws Exception {
        JsonNode index = Json.mapper().readTree(WebhookDeliveries.fixture("index.json"));
        assertThat(index.size()).isEqualTo(273);
        for (JsonNode row : index) {
            String event = row.get("event").asText();
            byte[] body = WebhookDeliveries.fixture(row.get("file").asText());

            WebhookDeliveries.send(event, WebhookDeliveries.newDeliveryId(), body,
                    WebhookSignature.sign("not-the-secret".getBytes(StandardCharsets.UTF_8), body))
                    .then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
            String delivery = WebhookDeliveries.newDeliveryId();
            WebhookDeliveries.send(event, delivery, body).then().statusCode(event.equals("ping") ? 200 : 202)
                    .body("delivery_id", equalTo(delivery))
                    .body("status", equalTo(event.equals("ping") ? "pong" : "ok"));
        }
    }

    @Test
    void storesTheWholeDeliveryAndPublishesItNormalized() throws Exception {
        byte[] body = WebhookDeliveries.fixture("pull_request/opened.payload.json");
        String delivery = WebhookDeliveries.newDeliveryId();
        try (BrokerProbe probe = BrokerProbe.bind("github.event.received")) {
            WebhookDeliveries.send("pull_request", delivery, body).then().statusCode(202);

            EventEnvelope envelope = nextFor(probe, delivery);
            GitHubEventReceived event = envelope.payloadAs(GitHubEventReceived.class);
            assertThat(envelope.id()).isEqualTo(GitHubEventPublisher.envelopeId(delivery));
            assertThat(envelope.correlationId()).isEqualTo(delivery);
            assertThat(event.event()).isEqualTo("pull_request");
            assertThat(event.action()).isEqualTo("opened");
            assertThat(event.data().get("number").asInt()).isEqualTo(Json.mapper().readTree(body).get("number").asInt());
        }
        try (Connection db = DriverManager.getConnection(jdbcUrl, "gitinsight", "gitinsight");
                PreparedStatement query = db.prepareStatement("SELECT payload::text, headers::text, status, "
                        + "processing_ms, size_bytes FROM ingestion.webhook_deliveries WHERE delivery_id = ?")) {
            query.setString(1, delivery);
            ResultSet row = query.executeQuery();
            assertThat(row.next()).isTrue();
            assertThat(Json.mapper().readTree(row.getString(1))).isEqualTo(Json.mapper().readTree(body));
            assertThat(row.getString(2)).contains("x-github-event").contains("x-hub-signature-256");
            assertThat(row.getString(3)).isEqualTo("published");
            assertThat(row.getInt(4)).isGreaterThanOrEqualTo(0);
            assertThat(row.getInt(5)).isEqualTo(body.length);
        }
    }

    @Test
    void answersARedeliveryAsDuplicateAndPublishesItOnce() throws Exception {
        byte[] body = WebhookDeliveries.fixture("issues/opened.payload.json");
        String delivery = WebhookDeliveries.newDeliveryId();
        try (BrokerProbe probe = BrokerProbe.bind("github.event.received")) {
            WebhookDeliveries.send("issues", delivery, body).then().statusCode(202);
            WebhookDeliveries.send("issues", delivery, body).then().statusCode(200)
                    .body("status", equalTo("duplicate")).body("delivery_id", equalTo(delivery));

            nextFor(probe, delivery);
            assertThat(probe.drain(Duration.ofSeconds(2))).noneMatch(e -> delivery.equals(e.correlationId()));
        }
    }

    @Test
    void refusesMalformedIncompleteAndUnsignedDeliveries() {
        byte[] broken = "{\"action\": \"opened\",".getBytes(StandardCharsets.UTF_8);
        WebhookDeliveries.send("issues", WebhookDeliveries.newDeliveryId(), broken).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", equalTo("body"));
        byte[] array = "[1, 2]".getBytes(StandardCharsets.UTF_8);
        WebhookDeliveries.send("issues", WebhookDeliveries.newDeliveryId(), array).then().statusCode(400);
        byte[] body = WebhookDeliveries.fixture("star/created.payload.json");
        WebhookDeliveries.send("star", WebhookDeliveries.newDeliveryId(), body, null).then().statusCode(401);
        WebhookDeliveries.send("star", WebhookDeliveries.newDeliveryId(), body, "sha256=abc").then().statusCode(401);
        given().contentType("application/json").header("X-GitHub-Delivery", "x").body(body).post("/webhooks/github")
                .then().statusCode(400).body("error.details.field", equalTo("X-GitHub-Event"));
        WebhookDeliveries.send("star", "bad id with spaces", body).then().statusCode(400)
                .body("error.details.field", equalTo("X-GitHub-Delivery"));
        given().contentType("text/plain").header("X-GitHub-Event", "star").header("X-GitHub-Delivery", "y")
                .body("hello").post("/webhooks/github").then().statusCode(415);
    }

    @Test
    void refusesADeliveryOverTwentyFiveMegabytes() {
        byte[] huge = new byte[25 * 1024 * 1024 + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        WebhookDeliveries.send("push", WebhookDeliveries.newDeliveryId(), huge, "sha256=" + "0".repeat(64)).then()
                .statusCode(413).body("error.code", equalTo("PAYLOAD_TOO_LARGE"));
    }

    @Test
    void acceptsGitHubsFormContentType() {
        byte[] json = WebhookDeliveries.fixture("create/payload.json");
        String form = "payload=" + java.net.URLEncoder.encode(new String(json, StandardCharsets.UTF_8),
                StandardCharsets.UTF_8);
        byte[] bytes = form.getBytes(StandardCharsets.US_ASCII);
        given().contentType("application/x-www-form-urlencoded; charset=UTF-8").header("X-GitHub-Event", "create")
                .header("X-GitHub-Delivery", WebhookDeliveries.newDeliveryId())
                .header("X-Hub-Signature-256", WebhookSignature.sign(WebhookDeliveries.SECRET, bytes)).body(form)
                .post("/webhooks/github").then().statusCode(202);
    }

    static EventEnvelope nextFor(BrokerProbe probe, String delivery) throws Exception {
        return EventEnvelope.fromJson(probe.next(WAIT, e -> delivery.equals(e.correlationId())).getBody());
    }
}
