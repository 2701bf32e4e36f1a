package io.gitinsight.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.RedisOptions;
import io.vertx.redis.client.Request;

/** The limiter against the real Redis on localhost, under a key prefix of its own. */
class RateLimiterTest {

    private static final String PREFIX = "gitinsight:test:" + UUID.randomUUID() + ":";
    private static Vertx vertx;
    private static Redis redis;

    @BeforeAll
    static void connect() {
        vertx = Vertx.vertx();
        redis = Redis.createClient(vertx, new RedisOptions().setConnectionString("redis://127.0.0.1:6379")
                .setMaxPoolSize(8).setMaxPoolWaiting(256));
    }

    @AfterAll
    static void cleanUp() throws Exception {
        var keys = await(redis.send(Request.cmd(Command.KEYS).arg(PREFIX + "*")));
        for (var key : keys) {
            await(redis.send(Request.cmd(Command.DEL).arg(key.toString())));
        }
        redis.close();
        await(vertx.close());
    }

    @Test
    void allowsExactlyTheLimitThenRefuses() throws Exception {
        RateLimiter limiter = limiter(Duration.ofHours(1), 60);
        String bucket = bucket();

        for (int i = 1; i <= 5; i++) {
            RateLimitDecision decision = await(limiter.consume(bucket, 5));
            assertThat(decision.allowed()).as("request " + i).isTrue();
            assertThat(decision.remaining()).isEqualTo(5 - i);
        }
        RateLimitDecision refused = await(limiter.consume(bucket, 5));

        assertThat(refused.allowed()).isFalse();
        assertThat(refused.remaining()).isZero();
        assertThat(refused.retryAfterSeconds()).isBetween(3500L, 3600L);
        assertThat(refused.resetEpochSeconds()).isBetween(Instant.now().getEpochSecond() + 3500,
                Instant.now().getEpochSecond() + 3601);
    }

    @Test
    void sharesOneBudgetBetweenTwoLimitersOnTheSameRedis() throws Exception {
        RateLimiter replicaA = limiter(Duration.ofHours(1), 60);
        RateLimiter replicaB = limiter(Duration.ofHours(1), 60);
        String bucket = bucket();

        List<Boolean> allowed = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            allowed.add(await((i % 2 == 0 ? replicaA : replicaB).consume(bucket, 6)).allowed());
        }

        assertThat(allowed).containsExactly(true, true, true, true, true, true, false, false, false, false);
    }

    @Test
    void neverAllowsMoreThanTheLimitUnderConcurrentRequestsFromBothReplicas() throws Exception {
        RateLimiter replicaA = limiter(Duration.ofHours(1), 60);
        RateLimiter replicaB = limiter(Duration.ofHours(1), 60);
        String bucket = bucket();

        List<Future<RateLimitDecision>> decisions = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            decisions.add((i % 2 == 0 ? replicaA : replicaB).consume(bucket, 25));
        }
        await(Future.all(new ArrayList<>(decisions)));

        assertThat(decisions.stream().filter(d -> d.result().allowed()).count()).isEqualTo(25);
    }

    @Test
    void restoresTheBudgetOnceTheWindowHasPassed() throws Exception {
        RateLimiter limiter = limiter(Duration.ofMillis(1000), 10);
        String bucket = bucket();
        for (int i = 0; i < 3; i++) {
            assertThat(await(limiter.consume(bucket, 3)).allowed()).isTrue();
        }
        RateLimitDecision refused = await(limiter.consume(bucket, 3));
        assertThat(refused.allowed()).isFalse();
        assertThat(refused.retryAfterSeconds()).isEqualTo(1);

        Thread.sleep(1250);

        RateLimitDecision again = await(limiter.consume(bucket, 3));
        assertThat(again.allowed()).isTrue();
        assertThat(again.remaining()).isEqualTo(2);
    }

    @Test
    void keepsEachBucketsBudgetApart() throws Exception {
        RateLimiter limiter = limiter(Duration.ofHours(1), 60);
        String exhausted = bucket();
        await(limiter.consume(exhausted, 1));

        assertThat(await(limiter.consume(exhausted, 1)).allowed()).isFalse();
        assertThat(await(limiter.consume(bucket(), 1)).allowed()).isTrue();
    }

    @Test
    void refusesAWindowThatCannotBeCutIntoItsSlots() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> limiter(Duration.ofMillis(5), 10))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static RateLimiter limiter(Duration window, int slots) {
        return new RateLimiter(redis, PREFIX, window, slots);
    }

    private static String bucket() {
        return "test:" + UUID.randomUUID();
    }

    private static <T> T await(Future<T> future) throws Exception {
        return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
