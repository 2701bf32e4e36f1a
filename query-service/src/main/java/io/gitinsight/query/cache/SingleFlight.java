package io.gitinsight.query.cache;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;

import io.smallrye.mutiny.Uni;

/**
 * Concurrent callers asking for the same key share one execution of the work: the first starts it, the
 * others subscribe to the same memoized {@link Uni}, and the key is free again once it terminated. A
 * burst of cache misses for one entry thus makes one database query in this process.
 */
public final class SingleFlight {

    private final ConcurrentHashMap<String, Uni<?>> flights = new ConcurrentHashMap<>();

    @SuppressWarnings("unchecked")
    public <T> Uni<T> run(String key, Supplier<Uni<T>> work) {
        return Uni.createFrom().deferred(() -> (Uni<T>) flights.computeIfAbsent(key, k -> start(k, work)));
    }

    /** Keys with work under way, for tests and diagnostics. */
    public int inFlight() {
        return flights.size();
    }

    private <T> Uni<T> start(String key, Supplier<Uni<T>> work) {
        AtomicReference<Uni<T>> self = new AtomicReference<>();
        Uni<T> shared = Uni.createFrom().<T> deferred(work::get)
                .onTermination().invoke(() -> flights.remove(key, self.get()))
                .memoize().indefinitely();
        self.set(shared);
        return shared;
    }
}
