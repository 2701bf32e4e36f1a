package io.gitinsight.support.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.junit.jupiter.api.Test;

import io.vertx.core.Future;
import io.vertx.core.Promise;

class JwksKeysTest {

    private final MutableClock clock = new MutableClock();
    private final AtomicReference<String> served = new AtomicReference<>(jwks(SigningKeys.CURRENT));
    private int fetched;
    private final JwksKeys keys = new JwksKeys(() -> {
        fetched++;
        return Future.succeededFuture(served.get());
    }, Duration.ofMinutes(10), Duration.ofSeconds(30), clock);

    @Test
    void fetchesOnceAndServesKnownKidsFromTheCache() {
        assertThat(kidsFor("key-current")).containsExactly("key-current");
        assertThat(kidsFor("key-current")).containsExactly("key-current");

        assertThat(fetched).isEqualTo(1);
    }

    @Test
    void refetchesForAnUnknownKidOnlyAfterTheFloor() {
        kidsFor("key-current");
        served.set(jwks(SigningKeys.CURRENT, SigningKeys.NEXT));

        clock.advance(Duration.ofSeconds(10));
        assertThat(kidsFor("key-next")).containsExactly("key-current");
        assertThat(fetched).isEqualTo(1);

        clock.advance(Duration.ofSeconds(25));
        assertThat(kidsFor("key-next")).containsExactly("key-current", "key-next");
        assertThat(fetched).isEqualTo(2);
    }

    @Test
    void refreshesKnownKeysAfterTheTtlWhileServingTheCachedOnes() {
        kidsFor("key-current");
        served.set(jwks(SigningKeys.NEXT));
        clock.advance(Duration.ofMinutes(11));

        assertThat(kidsFor("key-current")).containsExactly("key-current");
        assertThat(fetched).isEqualTo(2);
        assertThat(kidsFor("key-next")).containsExactly("key-next");
    }

    @Test
    void sharesOneFetchBetweenConcurrentCallers() {
        Promise<String> pending = Promise.promise();
        int[] calls = { 0 };
        JwksKeys slow = new JwksKeys(() -> {
            calls[0]++;
            return pending.future();
        }, Duration.ofMinutes(10), Duration.ofSeconds(30), clock);

        Future<JwksKeys.Snapshot> first = slow.keysFor("key-current");
        Future<JwksKeys.Snapshot> second = slow.keysFor("key-current");
        pending.complete(jwks(SigningKeys.CURRENT));

        assertThat(calls[0]).isEqualTo(1);
        assertThat(first.succeeded() && second.succeeded()).isTrue();
    }

    private List<String> kidsFor(String kid) {
        Future<JwksKeys.Snapshot> snapshot = keys.keysFor(kid);
        assertThat(snapshot.succeeded()).isTrue();
        return snapshot.result().keys().getJsonWebKeys().stream().map(JsonWebKey::getKeyId).toList();
    }

    private static String jwks(JsonWebKey... keys) {
        return new JsonWebKeySet(keys).toJson(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-01-01T00:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
