package io.gitinsight.gateway;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.quarkus.redis.datasource.RedisDataSource;

/**
 * Forgets this test run's rate-limit counters (and only this run's: they share a random prefix), so
 * that each test starts with full budgets whatever ran before it.
 */
@ApplicationScoped
class RedisCounters {

    private final RedisDataSource redis;

    RedisCounters(RedisDataSource redis) {
        this.redis = redis;
    }

    void forget() {
        var keys = redis.key().keys(FakeBackends.PREFIX + "*");
        if (!keys.isEmpty()) {
            redis.key().del(keys.toArray(String[]::new));
        }
    }
}
