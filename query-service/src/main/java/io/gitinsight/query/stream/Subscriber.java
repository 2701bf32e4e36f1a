package io.gitinsight.query.stream;

import java.util.ArrayDeque;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.jboss.logging.Logger;

import io.gitinsight.query.domain.Visibility;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;

/**
 * One open stream with its bounded buffer. A message counts against the buffer from the moment it is
 * handed to the connection until the socket has taken it; a client that reads too slowly lets the count
 * reach the limit and is dropped (close 4408) instead of holding memory or anyone else up. Until the
 * first message (the latest state) is out, messages wait in a queue under the same bound, so the latest
 * state always comes first.
 */
public final class Subscriber {

    public static final int CLOSE_TOO_SLOW = 4408;
    private static final Logger LOG = Logger.getLogger(Subscriber.class);

    public enum Kind {
        REPOSITORY,
        GLOBAL,
        FEED
    }

    private final WebSocketConnection connection;
    private final Context eventLoop;
    private final Kind kind;
    private final StreamFilter filter;
    private final UUID userId;
    private final boolean admin;
    private final Set<UUID> followed;
    private final int limit;
    private final Runnable onDrop;
    private final AtomicInteger inFlight = new AtomicInteger();
    private ArrayDeque<String> waiting = new ArrayDeque<>();
    private volatile boolean dropped;

    Subscriber(WebSocketConnection connection, Context eventLoop, Kind kind, StreamFilter filter, UUID userId,
            boolean admin, Set<UUID> followed, int limit, Runnable onDrop) {
        this.connection = connection;
        this.eventLoop = eventLoop;
        this.kind = kind;
        this.filter = filter;
        this.userId = userId;
        this.admin = admin;
        this.followed = followed;
        this.limit = limit;
        this.onDrop = onDrop;
    }

    /** Queues or sends; false when the subscriber is gone or was just dropped for being too slow. */
    public synchronized boolean offer(String json) {
        if (waiting != null) {
            if (waiting.size() >= limit) {
                drop();
                return false;
            }
            waiting.add(json);
            return true;
        }
        return send(json);
    }

    /** Sends the first message (null for none), then whatever queued meanwhile. */
    public synchronized void start(String first) {
        if (first != null) {
            send(first);
        }
        for (String json : waiting) {
            if (!json.equals(first)) {
                send(json);
            }
        }
        waiting = null;
    }

    private boolean send(String json) {
        if (dropped || !connection.isOpen()) {
            return false;
        }
        if (inFlight.incrementAndGet() > limit) {
            drop();
            return false;
        }
        connection.sendText(json).subscribe().with(ok -> inFlight.decrementAndGet(), failure -> {
            inFlight.decrementAndGet();
            LOG.debugf("stream message not delivered to %s: %s", connection.id(), failure.getMessage());
        });
        return true;
    }

    private void drop() {
        if (dropped) {
            return;
        }
        dropped = true;
        onDrop.run();
        LOG.infof("stream subscriber %s dropped: %d messages waiting", connection.id(), inFlight.get());
        connection.close(new CloseReason(CLOSE_TOO_SLOW, "too slow: buffer of " + limit + " messages overflowed"))
                .subscribe().with(ok -> {
                }, failure -> LOG.debugf("closing %s: %s", connection.id(), failure.getMessage()));
    }

    /** The event-loop context the connection lives on (null when unknown); writes from it need no hand-off. */
    public Context eventLoop() {
        return eventLoop;
    }

    public WebSocketConnection connection() {
        return connection;
    }

    public Kind kind() {
        return kind;
    }

    public StreamFilter filter() {
        return filter;
    }

    /** Whether this subscriber may hear of a repository with {@code visibility}. */
    public boolean sees(Visibility visibility) {
        return visibility.allows(userId, admin);
    }

    public UUID userId() {
        return userId;
    }

    /** The repositories a feed carries (live: follow events change it), or the one a repository stream watches. */
    public Set<UUID> followed() {
        return followed;
    }

    public boolean isDropped() {
        return dropped;
    }
}
