package io.gitinsight.query.cache;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.gitinsight.query.config.QueryConfig;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;
import io.vertx.mutiny.redis.client.Response;

/**
 * Cache-aside in Redis for serialized answers. An entry's key carries its scope's generation
 * ({@code c:<scope>:<generation>:<endpoint>:<params>}), read in the same round trip as the entry by a
 * small script; invalidating a scope is one {@code INCR}, and a load that started before it can only
 * write under the old generation, which nobody reads any more, so a race cannot bring stale data back.
 * Misses for one entry share one load in this process ({@link SingleFlight}); the load looks at Redis
 * once more first, so a request that arrives just after a load finished does not query again.
 * When Redis is unreachable, answers come straight from the database.
 * <p>
 * The entry key is computed inside the script, which a Redis Cluster would refuse; one Redis (or a
 * Sentinel-managed primary) is what this service expects.
 */
@ApplicationScoped
public class ReadCache {

    private static final Logger LOG = Logger.getLogger(ReadCache.class);
    private static final RedisScript LOOKUP = new RedisScript("""
            local generation = redis.call('GET', KEYS[1]) or '0'
            return {generation, redis.call('GET', ARGV[1] .. generation .. ':' .. ARGV[2])}
            """);

    private final Redis redis;
    private final MeterRegistry registry;
    private final String prefix;
    private final long maxEntryBytes;
    private final SingleFlight flights = new SingleFlight();
    private final Map<String, Counter> hits = new ConcurrentHashMap<>();
    private final Map<String, Counter> misses = new ConcurrentHashMap<>();

    public ReadCache(Redis redis, MeterRegistry registry, QueryConfig config) {
        this.redis = redis;
        this.registry = registry;
        this.prefix = config.redisPrefix();
        this.maxEntryBytes = config.cache().maxEntry().asLongValue();
    }

    /** The cached answer for {@code key}, or what {@code loader} produces (then cached for {@code ttl}). */
    public Uni<CachedBody> get(CacheKey key, Duration ttl, Supplier<Uni<byte[]>> loader) {
        String entryPrefix = prefix + "c:" + key.scope().name() + ":";
        return LOOKUP.run(redis, List.of(generationKey(prefix, key.scope())), List.of(entryPrefix, key.suffix()))
                .onItemOrFailure().transformToUni((reply, failure) -> {
                    if (failure != null) {
                        LOG.warnf("cache unavailable, reading the database: %s", failure.getMessage());
                        count(misses, "query.cache.misses", key);
                        return flights.run("uncached:" + entryPrefix + key.suffix(),
                                () -> loader.get().map(CachedBody::fresh));
                    }
                    Response stored = reply.get(1);
                    if (stored != null) {
                        count(hits, "query.cache.hits", key);
                        return Uni.createFrom().item(CachedBody.decode(stored.toBytes()));
                    }
                    count(misses, "query.cache.misses", key);
                    String entryKey = entryPrefix + reply.get(0).toString() + ":" + key.suffix();
                    return flights.run(entryKey, () -> loadOnce(entryKey, ttl, loader));
                });
    }

    /** The Redis key of a scope's generation counter. */
    static String generationKey(String prefix, CacheScope scope) {
        return prefix + "gen:" + scope.name();
    }

    private Uni<CachedBody> loadOnce(String entryKey, Duration ttl, Supplier<Uni<byte[]>> loader) {
        return redis.send(Request.cmd(Command.GET).arg(entryKey)).onFailure().recoverWithNull()
                .chain(stored -> stored != null ? Uni.createFrom().item(CachedBody.decode(stored.toBytes()))
                        : loader.get().map(CachedBody::fresh).call(body -> store(entryKey, body, ttl)));
    }

    private Uni<Void> store(String entryKey, CachedBody body, Duration ttl) {
        if (body.body().length > maxEntryBytes) {
            return Uni.createFrom().voidItem();
        }
        return redis.send(Request.cmd(Command.SET).arg(entryKey).arg(body.encode()).arg("PX").arg(ttl.toMillis()))
                .onFailure().invoke(e -> LOG.warnf("cannot cache %s: %s", entryKey, e.getMessage()))
                .onFailure().recoverWithNull().replaceWithVoid();
    }

    private void count(Map<String, Counter> counters, String name, CacheKey key) {
        counters.computeIfAbsent(key.endpoint(), endpoint -> Counter.builder(name)
                .description(name.endsWith("hits") ? "reads answered from the Redis cache"
                        : "reads that had to go to the database")
                .tag("endpoint", endpoint).register(registry)).increment();
    }
}
