package io.gitinsight.query.cache;

import java.util.Objects;
import java.util.StringJoiner;

/**
 * One cached answer: its scope, the endpoint it belongs to (also the label of the hit/miss counters) and
 * the parameters that select it, in a fixed order so that equal requests share one entry.
 */
public record CacheKey(CacheScope scope, String endpoint, String params) {

    public static CacheKey of(CacheScope scope, String endpoint, Object... params) {
        StringJoiner joined = new StringJoiner("|");
        for (Object param : params) {
            joined.add(param == null ? "" : Objects.toString(param).replace("|", "%7C"));
        }
        return new CacheKey(scope, endpoint, joined.toString());
    }

    /** The part of the Redis key after the generation: {@code endpoint:params}. */
    String suffix() {
        return endpoint + ":" + params;
    }
}
