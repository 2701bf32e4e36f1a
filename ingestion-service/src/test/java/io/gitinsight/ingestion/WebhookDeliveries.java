package io.gitinsight.ingestion;

import static io.restassured.RestAssured.given;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;

import io.gitinsight.ingestion.security.WebhookSignature;
import io.restassured.response.Response;

/** Sends deliveries the way GitHub does: raw bytes, event and delivery headers, HMAC signature. */
final class WebhookDeliveries {

    static final byte[] SECRET = "test-webhook-secret".getBytes(StandardCharsets.UTF_8);

    private WebhookDeliveries() {
    }

    static byte[] fixture(String path) {
        try (InputStream in = WebhookDeliveries.class.getResourceAsStream("/github/webhooks/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String newDeliveryId() {
        return UUID.randomUUID().toString();
    }

    static Response send(String event, String deliveryId, byte[] body) {
        return send(event, deliveryId, body, WebhookSignature.sign(SECRET, body));
    }

    static Response send(String event, String deliveryId, byte[] body, String signature) {
        var request = given().contentType("application/json").header("X-GitHub-Event", event)
                .header("X-GitHub-Delivery", deliveryId).header("User-Agent", "GitHub-Hookshot/044aadd").body(body);
        if (signature != null) {
            request.header("X-Hub-Signature-256", signature);
        }
        return request.post("/webhooks/github");
    }
}
