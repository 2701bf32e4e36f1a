package io.gitinsight.ingestion.client;

import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

import jakarta.ws.rs.core.Response;

import io.gitinsight.ingestion.config.GitHubConfig;

/** How long GitHub asks a client to wait: after a rate limit (REST and GraphQL alike), and between retries. */
final class LimitWait {

    private LimitWait() {
    }

    /** The wait a 403/429 asks for, when it is a rate limit at all. */
    static Optional<Duration> of(Response response, String body, RateGovernor governor, String budgetKey,
            GitHubConfig config) {
        String retryAfter = response.getHeaderString("retry-after");
        if (retryAfter != null && retryAfter.matches("\\d{1,6}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(retryAfter)));
        }
        if ("0".equals(response.getHeaderString("x-ratelimit-remaining"))) {
            return Optional.of(governor.untilReset(budgetKey));
        }
        if (body.toLowerCase(Locale.ROOT).contains("secondary rate limit")) {
            return Optional.of(config.secondaryLimitWait());
        }
        return Optional.empty();
    }

    /** Exponential back-off with jitter before attempt {@code attempt + 1}: half the ceiling plus a random half. */
    static Duration backoff(GitHubConfig config, int attempt) {
        long ceiling = Math.min(config.backoffMax().toMillis(), config.backoffBase().toMillis() << (attempt - 1));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }
}
