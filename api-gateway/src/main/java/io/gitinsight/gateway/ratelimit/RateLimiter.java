package io.gitinsight.gateway.ratelimit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;

import io.vertx.core.Future;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Counts requests per bucket over a rolling window in Redis, with one Lua script per request so that the
 * check and the count are atomic and every replica sharing the Redis shares the budget. The algorithm
 * (a sliding window of slots) is described in {@code sliding_window.lua}. Time is Redis's own clock, so
 * replicas with skewed clocks still agree.
 */
public class RateLimiter {

    static final String SCRIPT = load("/ratelimit/sliding_window.lua");
    static final String SHA = sha1(SCRIPT);

    private final Redis redis;
    private final String prefix;
    private final long windowMillis;
    private final long slotMillis;

    public RateLimiter(Redis redis, String prefix, Duration window, int slots) {
        if (slots < 1 || window.toMillis() < slots) {
            throw new IllegalArgumentException("a window of " + window + " cannot be cut into " + slots + " slots");
        }
        this.redis = redis;
        this.prefix = prefix;
        this.windowMillis = window.toMillis();
        this.slotMillis = Math.max(1, window.toMillis() / slots);
    }

    public Duration window() {
        return Duration.ofMillis(windowMillis);
    }

    /** Counts one request against {@code bucket} if its budget allows, and says what is left. */
    public Future<RateLimitDecision> consume(String bucket, int limit) {
        String key = prefix + "rl:" + bucket;
        return run(Command.EVALSHA, SHA, key, limit).recover(failure -> {
            if (failure.getMessage() != null && failure.getMessage().startsWith("NOSCRIPT")) {
                return run(Command.EVAL, SCRIPT, key, limit);
            }
            return Future.failedFuture(failure);
        }).map(response -> decision(response, limit));
    }

    private Future<Response> run(Command command, String script, String key, int limit) {
        return redis.send(Request.cmd(command).arg(script).arg(1).arg(key).arg(limit).arg(windowMillis).arg(slotMillis));
    }

    private static RateLimitDecision decision(Response response, int limit) {
        boolean allowed = response.get(0).toInteger() == 1;
        int remaining = response.get(1).toInteger();
        long resetMillis = response.get(2).toLong();
        long nowMillis = response.get(3).toLong();
        long retryAfter = Math.max(1, (resetMillis - nowMillis + 999) / 1000);
        return new RateLimitDecision(allowed, limit, remaining, (resetMillis + 999) / 1000, retryAfter);
    }

    private static String load(String resource) {
        try (InputStream in = RateLimiter.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String sha1(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
