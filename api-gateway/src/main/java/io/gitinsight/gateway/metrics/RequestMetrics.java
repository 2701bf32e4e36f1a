package io.gitinsight.gateway.metrics;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;

/**
 * Counts the gateway's answers by route, backend and status class ({@code gateway_requests_total}), the
 * source of the request rates in {@code /system/stats}. Tags have few values: route names come from
 * the route table, unknown paths are {@code none}.
 */
@ApplicationScoped
public class RequestMetrics {

    static final String NAME = "gateway.requests";

    private final MeterRegistry registry;
    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    public RequestMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(String route, String backend, int status) {
        String statusClass = (status / 100) + "xx";
        counters.computeIfAbsent(route + '|' + backend + '|' + statusClass, key -> Counter.builder(NAME)
                .description("Requests answered by the gateway").tag("route", route).tag("backend", backend)
                .tag("status", statusClass).register(registry)).increment();
    }

    /** Requests answered so far, per backend, summed over routes and statuses. */
    public Map<String, Double> totalsByBackend() {
        Map<String, Double> totals = new TreeMap<>();
        registry.find(NAME).counters()
                .forEach(c -> totals.merge(c.getId().getTag("backend"), c.count(), Double::sum));
        return totals;
    }

    /** Requests answered so far, per status class. */
    public Map<String, Double> totalsByStatus() {
        Map<String, Double> totals = new TreeMap<>();
        registry.find(NAME).counters()
                .forEach(c -> totals.merge(c.getId().getTag("status"), c.count(), Double::sum));
        return totals;
    }
}
