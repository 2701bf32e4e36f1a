package io.gitinsight.query.cache;

import java.util.UUID;

/**
 * A set of cache entries that one event invalidates together: one repository's reads, the reads across
 * repositories, the webhook analytics, or who may see one repository. Each scope has a generation counter in Redis that is part
 * of
 * every entry's key; bumping it retires the whole scope at once.
 */
public record CacheScope(String name) {

    public static final CacheScope GLOBAL = new CacheScope("global");
    public static final CacheScope WEBHOOKS = new CacheScope("webhooks");

    public static CacheScope repository(UUID id) {
        return new CacheScope("repo:" + id);
    }

    /** Who may see one repository: retired by follows and by changes of its visibility, not by new data. */
    public static CacheScope access(UUID id) {
        return new CacheScope("access:" + id);
    }
}
