package io.gitinsight.gateway.ratelimit;

import io.vertx.core.http.HttpServerResponse;

/**
 * The limiter's answer for one request, and the {@code X-RateLimit-*} headers that say it.
 *
 * @param resetEpochSeconds when budget comes back (the oldest counted requests leave the window)
 * @param retryAfterSeconds how long a refused caller should wait
 */
public record RateLimitDecision(boolean allowed, int limit, int remaining, long resetEpochSeconds,
        long retryAfterSeconds) {

    public static final String LIMIT = "X-RateLimit-Limit";
    public static final String REMAINING = "X-RateLimit-Remaining";
    public static final String RESET = "X-RateLimit-Reset";
    public static final String RETRY_AFTER = "Retry-After";

    public void writeHeaders(HttpServerResponse response) {
        response.putHeader(LIMIT, Integer.toString(limit));
        response.putHeader(REMAINING, Integer.toString(remaining));
        response.putHeader(RESET, Long.toString(resetEpochSeconds));
        if (!allowed) {
            response.putHeader(RETRY_AFTER, Long.toString(retryAfterSeconds));
        }
    }
}
