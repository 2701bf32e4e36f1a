package io.gitinsight.ingestion.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Webhooks in (CONTRACT §2): the HMAC secret and what to do without one. */
@ConfigMapping(prefix = "gitinsight.webhooks")
public interface WebhookConfig {

    /** {@code GITHUB_WEBHOOK_SECRET}; without it, unsigned deliveries are refused unless allowed. */
    Optional<String> secret();

    /** {@code WEBHOOK_ALLOW_UNSIGNED}: accept deliveries without a signature when no secret is set. */
    @WithDefault("false")
    boolean allowUnsigned();

    /**
     * {@code WEBHOOK_PUBLIC_URL}: where GitHub reaches this platform's webhook endpoint (through the
     * gateway), e.g. {@code https://gitinsight.example.com/api/v1/webhooks/github}.
     */
    Optional<String> publicUrl();

    /** How long a request waits for the broker's confirm before answering 202 and leaving it to the relay. */
    @WithDefault("PT2S")
    Duration publishWait();

    /** How often the outbox relay looks for deliveries the broker has not confirmed. */
    @WithDefault("3s")
    Duration relayInterval();

    /** How many pending deliveries the outbox relay publishes per round. */
    @WithDefault("100")
    int relayBatchSize();
}
