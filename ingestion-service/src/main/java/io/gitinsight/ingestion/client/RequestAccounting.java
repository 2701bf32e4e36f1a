package io.gitinsight.ingestion.client;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a job spent at GitHub: HTTP requests made, how many were answered 304 (free), REST points (the
 * primary budget: every request not answered 304) and the GraphQL cost reported by GitHub.
 */
public final class RequestAccounting {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong restPoints = new AtomicLong();
    private final AtomicLong graphqlCost = new AtomicLong();
    private final AtomicLong retries = new AtomicLong();

    void request(boolean wasNotModified) {
        requests.incrementAndGet();
        if (wasNotModified) {
            notModified.incrementAndGet();
        } else {
            restPoints.incrementAndGet();
        }
    }

    void retry() {
        retries.incrementAndGet();
    }

    public void graphqlCost(long cost) {
        graphqlCost.addAndGet(cost);
    }

    public long requests() {
        return requests.get();
    }

    public long notModified() {
        return notModified.get();
    }

    public long restPoints() {
        return restPoints.get();
    }

    public long graphqlCost() {
        return graphqlCost.get();
    }

    public long retries() {
        return retries.get();
    }

    public Map<String, Long> snapshot() {
        return Map.of("requests", requests(), "not_modified", notModified(), "rest_points", restPoints(),
                "graphql_cost", graphqlCost(), "retries", retries());
    }
}
