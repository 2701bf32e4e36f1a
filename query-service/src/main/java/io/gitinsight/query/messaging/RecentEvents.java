package io.gitinsight.query.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The envelope ids this replica handled lately. A message the broker redelivers (the connection dropped
 * before the acknowledgement went out) is skipped, so subscribers never see an event twice; the cache
 * side is idempotent on its own ({@link io.gitinsight.query.cache.Generations}).
 */
final class RecentEvents {

    private final Map<UUID, Boolean> seen;

    RecentEvents(int capacity) {
        this.seen = new LinkedHashMap<>(capacity * 2, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered (within the last {@code capacity} ids). */
    synchronized boolean firstTime(UUID id) {
        return seen.put(id, Boolean.TRUE) == null;
    }
}
