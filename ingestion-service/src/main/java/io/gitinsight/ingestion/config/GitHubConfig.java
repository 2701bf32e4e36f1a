package io.gitinsight.ingestion.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How ingestion talks to GitHub; every number here is a knob, none is hard-coded in the client. */
@ConfigMapping(prefix = "gitinsight.github")
public interface GitHubConfig {

    /** {@code GITHUB_API_URL}: REST base (GitHub Enterprise: {@code https://host/api/v3}). */
    String apiUrl();

    /** {@code GITHUB_TOKEN}: the server-side token when no user token applies. */
    Optional<String> token();

    /** Share of the hourly budget never spent: below it the client waits for the reset. */
    @WithDefault("0.10")
    double reserveFraction();

    /** Requests in flight per token at most. */
    @WithDefault("8")
    int maxInFlight();

    /** Attempts per request on 5xx, timeouts and connection errors (the first one included). */
    @WithDefault("5")
    int maxAttempts();

    @WithDefault("PT1S")
    Duration backoffBase();

    @WithDefault("PT60S")
    Duration backoffMax();

    /** The wait after a secondary rate limit that names no {@code retry-after}. */
    @WithDefault("PT60S")
    Duration secondaryLimitWait();

    /** The longest wait for a primary-limit reset before the request fails instead. */
    @WithDefault("PT1H5M")
    Duration maxResetWait();

    /** How long a conditional-request cache entry (ETag and body) is kept. */
    @WithDefault("P7D")
    Duration cacheTtl();

    /** Pull requests, their commits and reviews come from GraphQL first (REST when it is off or refused). */
    Graphql graphql();

    interface Graphql {

        /** {@code GITHUB_GRAPHQL_URL}, by default {@code ${GITHUB_API_URL}/graphql}. */
        String url();

        /** {@code GITHUB_GRAPHQL_ENABLED}: false collects pull requests over REST only. */
        @WithDefault("true")
        boolean enabled();

        /** Pull requests per GraphQL page (GitHub allows 100 at most). */
        @WithDefault("50")
        int pageSize();

        /** A page that keeps failing (502, timeout) is halved down to this size, then the sync fails. */
        @WithDefault("5")
        int minPageSize();
    }
}
