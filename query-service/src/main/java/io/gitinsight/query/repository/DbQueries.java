package io.gitinsight.query.repository;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Uni;

/**
 * Counts the database queries each read makes ({@code query_db_queries_total{query=...}}): what the
 * cache saves is visible on /metrics, and tests assert that a burst of misses made one query.
 */
@ApplicationScoped
public class DbQueries {

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public DbQueries(MeterRegistry registry) {
        this.registry = registry;
    }

    /** Runs {@code query} on subscription, counted under {@code name}. */
    public <T> Uni<T> run(String name, Supplier<Uni<T>> query) {
        return Uni.createFrom().deferred(() -> {
            counter(name).increment();
            return query.get();
        });
    }

    /** How many times {@code name} ran since start. */
    public long count(String name) {
        return (long) counter(name).count();
    }

    private Counter counter(String name) {
        return counters.computeIfAbsent(name, n -> Counter.builder("query.db.queries")
                .description("database queries made by reads, by query").tag("query", n).register(registry));
    }
}
