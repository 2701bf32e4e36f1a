package io.gitinsight.query.cache;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.config.QueryConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.redis.client.Redis;

/**
 * Invalidates cache scopes by bumping their generations. Every replica receives every event; the first
 * to handle an event id bumps, the others find it seen, so that one event retires a scope once (and a
 * redelivered event not at all). Remembering the id and bumping happen in one script, so a replica that
 * finds the id seen knows the bump is already done.
 */
@ApplicationScoped
public class Generations {

    private static final RedisScript BUMP = new RedisScript("""
            if redis.call('SET', KEYS[1], '1', 'NX', 'PX', ARGV[1]) then
              for i = 2, #KEYS do redis.call('INCR', KEYS[i]) end
              return 1
            end
            return 0
            """);

    private final Redis redis;
    private final String prefix;
    private final long seenMillis;

    public Generations(Redis redis, QueryConfig config) {
        this.redis = redis;
        this.prefix = config.redisPrefix();
        this.seenMillis = config.cache().eventSeenTtl().toMillis();
    }

    /** Retires every entry of the scopes for {@code eventId}; true when this call did it. */
    public Uni<Boolean> bump(UUID eventId, List<CacheScope> scopes) {
        List<String> keys = new ArrayList<>();
        keys.add(prefix + "seen:" + eventId);
        scopes.forEach(scope -> keys.add(ReadCache.generationKey(prefix, scope)));
        return BUMP.run(redis, keys, List.of(Long.toString(seenMillis))).map(reply -> reply.toInteger() == 1);
    }
}
