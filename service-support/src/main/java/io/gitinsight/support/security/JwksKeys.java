package io.gitinsight.support.security;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;

import org.jboss.logging.Logger;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.lang.JoseException;

import io.vertx.core.Future;

/**
 * auth-service's public keys, cached. A token whose {@code kid} is not in the cache makes the service
 * refetch the JWKS (a key rotation), but not more often than the floor allows, so that tokens with
 * made-up kids cannot turn the service into a JWKS flood. Keys older than the cache TTL are refetched
 * in the background while the cached ones keep serving. Concurrent refetches share one request.
 */
public class JwksKeys {

    private static final Logger LOG = Logger.getLogger(JwksKeys.class);

    /** The keys as fetched at one moment. */
    public record Snapshot(JsonWebKeySet keys, Instant fetchedAt) {
        public boolean has(String kid) {
            return kid == null || keys.getJsonWebKeys().stream().map(JsonWebKey::getKeyId).anyMatch(kid::equals);
        }
    }

    private final Supplier<Future<String>> fetch;
    private final Duration ttl;
    private final Duration floor;
    private final Clock clock;
    private volatile Snapshot snapshot;
    private Future<Snapshot> inFlight;
    private int fetches;

    public JwksKeys(Supplier<Future<String>> fetch, Duration ttl, Duration floor, Clock clock) {
        this.fetch = fetch;
        this.ttl = ttl;
        this.floor = floor;
        this.clock = clock;
    }

    /** Keys that should contain {@code kid}; a snapshot without it means the token's key is unknown. */
    public Future<Snapshot> keysFor(String kid) {
        Snapshot current = snapshot;
        if (current == null) {
            return refresh();
        }
        Duration age = Duration.between(current.fetchedAt(), clock.instant());
        if (current.has(kid)) {
            if (age.compareTo(ttl) > 0) {
                refresh();
            }
            return Future.succeededFuture(current);
        }
        return age.compareTo(floor) >= 0 ? refresh() : Future.succeededFuture(current);
    }

    /** How many times the JWKS was fetched, for the tests of the refetch floor. */
    public synchronized int fetches() {
        return fetches;
    }

    private synchronized Future<Snapshot> refresh() {
        if (inFlight != null) {
            return inFlight;
        }
        fetches++;
        Future<Snapshot> started = fetch.get().map(this::parse);
        inFlight = started;
        started.onComplete(result -> {
            synchronized (this) {
                inFlight = null;
            }
            if (result.succeeded()) {
                snapshot = result.result();
            } else {
                LOG.warnf("cannot fetch the JWKS: %s", result.cause().getMessage());
            }
        });
        return started;
    }

    private Snapshot parse(String json) {
        try {
            return new Snapshot(new JsonWebKeySet(json), clock.instant());
        } catch (JoseException e) {
            throw new IllegalStateException("the JWKS is not a JSON Web Key Set: " + e.getMessage(), e);
        }
    }
}
