package io.gitinsight.ingestion.client;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a job spent at GitHub: HTTP requests made (REST and GraphQL), how many were answered 304 (free),
 * REST points (the primary budget: every REST request not answered 304), GraphQL requests, and the
 * GraphQL cost GitHub reported for them (GraphQL has a points budget of its own).
 */
public final class RequestAccounting {

    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong notModified = new AtomicLong();
    private final AtomicLong restPoints = new AtomicLong();
    private final AtomicLong graphqlRequests = new AtomicLong();
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

    /** One GraphQL request answered; {@code cost} is its {@code rateLimit.cost} (0 when it carried none). */
    void graphqlRequest(long cost) {
        requests.incrementAndGet();
        graphqlRequests.incrementAndGet();
        graphqlCost.addAndGet(cost);
    }

    void retry() {
        retries.incrementAndGet();
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

    public long graphqlRequests() {
        return graphqlRequests.get();
    }

    public long graphqlCost() {
        return graphqlCost.get();
    }

    public long retries() {
        return retries.get();
    }

    public Map<String, Long> snapshot() {
        return Map.of("requests", requests(), "not_modified", notModified(), "rest_points", restPoints(),
                "graphql_requests", graphqlRequests(), "graphql_cost", graphqlCost(), "retries", retries());
    }
}
