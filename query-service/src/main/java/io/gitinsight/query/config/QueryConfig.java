package io.gitinsight.query.config;

import java.time.Duration;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;

/** query-service's settings; every number lives in application.properties. */
@ConfigMapping(prefix = "gitinsight.query")
public interface QueryConfig {

    /** Prefix of every Redis key this service writes. */
    String redisPrefix();

    /** The deployment environment that counts as production for DORA figures. */
    String productionEnvironment();

    Cache cache();

    Stream stream();

    Auth auth();

    interface Cache {
        /** Reads of one repository; invalidated by that repository's events, the TTL is a backstop. */
        Duration repositoryTtl();

        /** Reads across repositories (lists, search, leaderboard, overview). */
        Duration listTtl();

        /** Trending depends on the clock as well as on the data. */
        Duration trendingTtl();

        /** Webhook analytics change with every delivery. */
        Duration webhookTtl();

        /** full name / GitHub id → repository id, for events that name a repository only by those. */
        Duration resolverTtl();

        /** How often a leaderboard is rebuilt from all snapshots (between, events update it). */
        Duration leaderboardRebuild();

        /** An answer larger than this is served but not cached. */
        MemorySize maxEntry();

        /** How long an event id is remembered, so that a redelivered event bumps no generation twice. */
        Duration eventSeenTtl();
    }

    interface Stream {
        /** Messages a subscriber may have in flight before it is dropped as too slow (close 4408). */
        int bufferSize();

        /** How long the latest repository update is kept for new subscribers. */
        Duration latestStateTtl();
    }

    interface Auth {
        /** auth-service, for its JWKS and API-key checks. */
        String serviceUrl();

        String issuer();

        Duration jwksCacheTtl();

        Duration jwksRefetchFloor();

        Duration clockSkew();

        /** How long a verified API key is trusted before auth-service is asked again. */
        Duration apiKeyCacheTtl();

        Duration timeout();
    }
}
