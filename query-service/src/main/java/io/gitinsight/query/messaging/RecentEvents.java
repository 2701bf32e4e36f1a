package io.gitinsight.query.messaging;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The envelope ids this replica has fanned out lately, the oldest forgotten first beyond {@code capacity}.
 * Publishers deliver at least once: ingestion's outbox publishes a webhook again when the broker took it but
 * its confirm was lost (the broker went down in between), under the same envelope id, so that a subscriber
 * told once is not told twice.
 */
final class RecentEvents {

    private final Map<UUID, Boolean> seen;

    RecentEvents(int capacity) {
        this.seen = new LinkedHashMap<>() {
            @Override
            protected boolean removeEldestEntry(Map.Entry<UUID, Boolean> eldest) {
                return size() > capacity;
            }
        };
    }

    /** True the first time an id is offered (and again once it has been forgotten). */
    synchronized boolean firstTime(UUID envelopeId) {
        return seen.put(envelopeId, Boolean.TRUE) == null;
    }
}
