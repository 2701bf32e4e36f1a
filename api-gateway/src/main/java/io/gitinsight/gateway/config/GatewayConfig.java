package io.gitinsight.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithName;

/** The gateway's configuration; the route table itself is described in application.properties. */
@ConfigMapping(prefix = "gitinsight.gateway")
public interface GatewayConfig {

    /** The public prefix that backends do not see: {@code /api/v1/x} is {@code /x} at the backend. */
    @WithDefault("/api/v1")
    String prefix();

    /** Backend name → base URL ({@code auth}, {@code analysis}, {@code query}, {@code ingestion}). */
    Map<String, String> backends();

    /** Route name → {@code METHODS PATH BACKEND PERMISSION [options]}, parsed by the route table. */
    Map<String, String> routes();

    /** How long a backend may take to start answering a route that names no timeout of its own. */
    @WithDefault("10s")
    Duration defaultTimeout();

    @WithDefault("2s")
    Duration connectTimeout();

    /**
     * WebSockets one gateway replica tunnels at once; each holds a connection to query-service for its
     * lifetime, from a pool of its own (so that streams never starve proxied requests). Above it an upgrade
     * is answered 503 at once.
     */
    @WithName("max-websockets")
    @WithDefault("10000")
    int maxWebSockets();

    /** Bodies above this are refused before they are streamed to a backend (GitHub's webhook cap). */
    @WithDefault("25M")
    MemorySize maxBodySize();

    /** Prepended to every Redis key, so that deployments (and test runs) sharing a Redis never mix. */
    String redisPrefix();

    /** Peers (CIDRs) whose {@code X-Forwarded-For} and {@code X-Forwarded-Proto} are believed. */
    Optional<List<String>> trustedProxies();

    /** Origins a browser may call the API from, with credentials. */
    List<String> corsOrigins();

    /** {@code INTERNAL_SERVICE_TOKEN}: authenticates the gateway on auth-service's internal API. */
    Optional<String> internalToken();

    Jwt jwt();

    ApiKeys apiKeys();

    RateLimit rateLimit();

    SystemProbes system();

    interface Jwt {
        String issuer();

        /** Keys are refetched after this long even when every token's {@code kid} is known. */
        @WithDefault("10m")
        Duration jwksCacheTtl();

        /** An unknown {@code kid} refetches the JWKS at most this often, so forged kids cannot flood it. */
        @WithDefault("30s")
        Duration jwksRefetchFloor();

        @WithDefault("30s")
        Duration clockSkew();
    }

    interface ApiKeys {
        /** A revoked key keeps working at most this long on any replica; at most a minute. */
        @WithDefault("30s")
        Duration cacheTtl();
    }

    interface RateLimit {
        /** The rolling window over which the budgets are counted. */
        @WithDefault("1h")
        Duration window();

        /** The window is counted in this many slots: memory per caller is bounded by it. */
        @WithDefault("60")
        int slots();

        /** Budgets per role overriding the contract's ({@code guest=100}, ...), e.g. for load tests. */
        Map<String, Integer> roles();

        /** Webhook deliveries per window and source address, counted apart from API calls. */
        @WithDefault("10000")
        int webhooksPerWindow();
    }

    interface SystemProbes {
        /** The RabbitMQ management API, for queue depths in /system/stats. */
        String rabbitmqManagementUrl();

        String rabbitmqUser();

        String rabbitmqPassword();

        /** Each health probe of /system/status and /system/stats gives up after this long. */
        @WithDefault("2s")
        Duration probeTimeout();
    }
}
