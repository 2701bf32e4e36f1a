package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.config.WebhookConfig;
import io.gitinsight.ingestion.domain.WebhookDelivery;
import io.gitinsight.ingestion.messaging.GitHubEventPublisher;
import io.gitinsight.ingestion.repository.WebhookDeliveryRepository;
import io.gitinsight.ingestion.security.WebhookSignature;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.support.error.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Webhooks in: verify, store, publish. A delivery is acknowledged only once it is stored; it is then
 * published at once when the broker confirms within {@code publishWait}, else by the outbox relay.
 */
@ApplicationScoped
public class WebhookService {

    private static final Logger LOG = Logger.getLogger(WebhookService.class);

    public enum Outcome {
        ACCEPTED,
        DUPLICATE,
        PING
    }

    private final WebhookConfig config;
    private final WebhookDeliveryRepository deliveries;
    private final GitHubEventPublisher publisher;
    private final MeterRegistry metrics;
    private final PushFetcher pushes;
    private final byte[] secret;

    public WebhookService(WebhookConfig config, WebhookDeliveryRepository deliveries, GitHubEventPublisher publisher,
            MeterRegistry metrics, PushFetcher pushes) {
        this.pushes = pushes;
        this.config = config;
        this.deliveries = deliveries;
        this.publisher = publisher;
        this.metrics = metrics;
        this.secret = config.secret().filter(s -> !s.isBlank()).map(WebhookSignature::secretBytes).orElse(null);
    }

    /** Stores and publishes a delivery whose signature {@link #checkSignature} accepted. */
    public Uni<Outcome> receive(String event, String deliveryId, byte[] rawBody, JsonNode payload,
            Map<String, String> headers) {
        Instant receivedAt = Instant.now().truncatedTo(ChronoUnit.MICROS);
        if (event.equals("ping")) {
            count(event, "ping");
            return Uni.createFrom().item(Outcome.PING);
        }
        GitHubEventReceived normalized = WebhookNormalizer.normalize(deliveryId, event, payload, receivedAt);
        WebhookDelivery delivery = new WebhookDelivery(headers, payload, rawBody.length, normalized);
        return deliveries.insertIfNew(delivery).chain(stored -> {
            if (!stored) {
                count(event, "duplicate");
                return Uni.createFrom().item(Outcome.DUPLICATE);
            }
            count(event, "accepted");
            pushes.onEvent(normalized);
            return publisher.publish(normalized).ifNoItem().after(config.publishWait()).fail()
                    .onFailure().recoverWithUni(e -> {
                        LOG.warnf("delivery %s stored, publishing left to the relay: %s", deliveryId, e.toString());
                        return deliveries.markAttemptFailed(deliveryId, e.toString());
                    }).replaceWith(Outcome.ACCEPTED);
        });
    }

    /** Refuses a delivery whose {@code X-Hub-Signature-256} is missing or wrong (401). */
    public void checkSignature(byte[] body, String signature) {
        if (secret == null) {
            if (!config.allowUnsigned()) {
                throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED,
                        "webhook deliveries are refused: no GITHUB_WEBHOOK_SECRET is configured");
            }
            return;
        }
        if (!WebhookSignature.verify(secret, body, signature)) {
            metrics.counter("gitinsight.webhooks.rejected", "reason", "signature").increment();
            throw new ApiException(ErrorCode.AUTHENTICATION_REQUIRED, "X-Hub-Signature-256 missing or wrong",
                    Map.of("header", "X-Hub-Signature-256"));
        }
    }

    private void count(String event, String outcome) {
        metrics.counter("gitinsight.webhooks.received", "event", event, "outcome", outcome).increment();
    }

}
