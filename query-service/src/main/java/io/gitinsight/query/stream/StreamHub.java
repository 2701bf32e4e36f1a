package io.gitinsight.query.stream;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.query.config.QueryConfig;
import io.gitinsight.query.domain.Visibility;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.websockets.next.WebSocketConnection;
import io.vertx.core.Context;
import io.vertx.core.impl.ContextInternal;

/**
 * The open streams of this replica and the fan-out of each event to the right ones: repository updates
 * to that repository's subscribers, GitHub events to the global subscribers whose filters match, and
 * everything about a repository to the feeds of the users who follow it. A private repository's messages reach
 * only the subscribers who may see it (its followers and admins). Each message is serialized once; handing it
 * to a subscriber never waits for the subscriber.
 */
@ApplicationScoped
public class StreamHub {

    private final int bufferSize;
    private final Map<UUID, Set<Subscriber>> byRepository = new ConcurrentHashMap<>();
    private final Set<Subscriber> global = ConcurrentHashMap.newKeySet();
    private final Map<UUID, Set<Subscriber>> feedsByUser = new ConcurrentHashMap<>();
    private final Map<UUID, Set<Subscriber>> feedsByRepository = new ConcurrentHashMap<>();
    private final Map<String, Subscriber> byConnection = new ConcurrentHashMap<>();
    private final Map<Subscriber.Kind, AtomicInteger> open = new EnumMap<>(Subscriber.Kind.class);
    private final Counter dropped;
    private final Counter delivered;

    public StreamHub(QueryConfig config, MeterRegistry registry) {
        this.bufferSize = config.stream().bufferSize();
        for (Subscriber.Kind kind : Subscriber.Kind.values()) {
            AtomicInteger count = new AtomicInteger();
            open.put(kind, count);
            Gauge.builder("query.stream.connections", count, AtomicInteger::get)
                    .description("open WebSocket streams").tag("stream", kind.name().toLowerCase()).register(registry);
        }
        this.dropped = Counter.builder("query.stream.dropped").description("subscribers dropped for reading too slowly")
                .register(registry);
        this.delivered = Counter.builder("query.stream.messages").description("messages handed to subscribers")
                .register(registry);
    }

    /** {@code userId} is the subscriber's, null for a guest. */
    public Subscriber repository(WebSocketConnection connection, Context eventLoop, UUID repositoryId, UUID userId,
            boolean admin) {
        Subscriber subscriber = create(connection, eventLoop, Subscriber.Kind.REPOSITORY, StreamFilter.NONE, userId,
                admin, Set.of(repositoryId));
        addTo(byRepository, repositoryId, subscriber);
        return unlessClosed(subscriber);
    }

    /** {@code userId} is the subscriber's, null for a guest. */
    public Subscriber global(WebSocketConnection connection, Context eventLoop, StreamFilter filter, UUID userId,
            boolean admin) {
        Subscriber subscriber = create(connection, eventLoop, Subscriber.Kind.GLOBAL, filter, userId, admin, Set.of());
        global.add(subscriber);
        return unlessClosed(subscriber);
    }

    public Subscriber feed(WebSocketConnection connection, Context eventLoop, UUID userId, Set<UUID> followed) {
        Set<UUID> live = ConcurrentHashMap.newKeySet();
        live.addAll(followed);
        // a feed carries only followed repositories, which its owner may see
        Subscriber subscriber = create(connection, eventLoop, Subscriber.Kind.FEED, StreamFilter.NONE, userId, true, live);
        addTo(feedsByUser, userId, subscriber);
        live.forEach(repo -> addTo(feedsByRepository, repo, subscriber));
        return unlessClosed(subscriber);
    }

    /** A user followed or unfollowed a repository: their open feeds change at once. */
    public void follow(UUID userId, UUID repositoryId, boolean following) {
        for (Subscriber feed : feedsByUser.getOrDefault(userId, Set.of())) {
            if (following) {
                feed.followed().add(repositoryId);
                addTo(feedsByRepository, repositoryId, feed);
            } else {
                feed.followed().remove(repositoryId);
                removeFrom(feedsByRepository, repositoryId, feed);
            }
        }
    }

    /** Fans a message out; {@code visibility} is that of the message's repository. */
    public void publish(StreamMessage message, Visibility visibility) {
        String json = message.toJson();
        List<Subscriber> recipients = new ArrayList<>();
        if (message.isRepositoryUpdate()) {
            byRepository.getOrDefault(message.repositoryId(), Set.of()).stream().filter(s -> s.sees(visibility))
                    .forEach(recipients::add);
        } else {
            global.stream().filter(s -> s.filter().matches(message) && s.sees(visibility)).forEach(recipients::add);
        }
        if (message.repositoryId() != null) {
            recipients.addAll(feedsByRepository.getOrDefault(message.repositoryId(), Set.of()));
        }
        deliver(recipients, json);
    }

    /** Forgets a closed connection; safe to call more than once. */
    public void remove(WebSocketConnection connection) {
        Subscriber subscriber = byConnection.remove(connection.id());
        if (subscriber == null) {
            return;
        }
        open.get(subscriber.kind()).decrementAndGet();
        switch (subscriber.kind()) {
            case GLOBAL -> global.remove(subscriber);
            case REPOSITORY -> subscriber.followed().forEach(repo -> removeFrom(byRepository, repo, subscriber));
            case FEED -> {
                removeFrom(feedsByUser, subscriber.userId(), subscriber);
                subscriber.followed().forEach(repo -> removeFrom(feedsByRepository, repo, subscriber));
            }
        }
    }

    /** Open streams of this replica, by kind. */
    public int open(Subscriber.Kind kind) {
        return open.get(kind).get();
    }

    private Subscriber create(WebSocketConnection connection, Context eventLoop, Subscriber.Kind kind,
            StreamFilter filter, UUID userId, boolean admin, Set<UUID> followed) {
        Context loop = eventLoop instanceof ContextInternal internal ? internal.unwrap() : eventLoop;
        Subscriber subscriber = new Subscriber(connection, loop, kind, filter, userId, admin, followed, bufferSize, () -> {
            dropped.increment();
            remove(connection);
        });
        byConnection.put(connection.id(), subscriber);
        open.get(kind).incrementAndGet();
        return subscriber;
    }

    /** A client that left while its stream was being opened is forgotten at once. */
    private Subscriber unlessClosed(Subscriber subscriber) {
        if (subscriber.connection().isClosed()) {
            remove(subscriber.connection());
        }
        return subscriber;
    }

    /**
     * Hands the message to each event loop once, with the list of its subscribers, instead of once per
     * subscriber: with a thousand subscribers that is a few hand-offs per event instead of a thousand,
     * and every write happens on the thread that owns its socket.
     */
    private void deliver(List<Subscriber> recipients, String json) {
        Map<Context, List<Subscriber>> byLoop = new IdentityHashMap<>();
        for (Subscriber subscriber : recipients) {
            byLoop.computeIfAbsent(subscriber.eventLoop(), loop -> new ArrayList<>()).add(subscriber);
        }
        byLoop.forEach((loop, group) -> {
            Runnable send = () -> group.forEach(subscriber -> {
                if (subscriber.offer(json)) {
                    delivered.increment();
                }
            });
            if (loop == null) {
                send.run();
            } else {
                loop.runOnContext(ignored -> send.run());
            }
        });
    }

    private static void addTo(Map<UUID, Set<Subscriber>> index, UUID key, Subscriber subscriber) {
        index.compute(key, (k, set) -> {
            Set<Subscriber> members = set == null ? ConcurrentHashMap.newKeySet() : set;
            members.add(subscriber);
            return members;
        });
    }

    private static void removeFrom(Map<UUID, Set<Subscriber>> index, UUID key, Subscriber subscriber) {
        index.computeIfPresent(key, (k, set) -> {
            set.remove(subscriber);
            return set.isEmpty() ? null : set;
        });
    }
}
