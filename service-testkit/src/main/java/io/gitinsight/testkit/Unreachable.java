package io.gitinsight.testkit;

import java.util.HashMap;
import java.util.Map;

/**
 * Configuration overrides that point a service's dependencies at a port where nothing listens, for the
 * readiness-DOWN tests. Flyway is switched off with the database, or the service could not start.
 */
public final class Unreachable {

    private static final String HOST_PORT = DependenciesDownTest.CLOSED_HOST + ":" + DependenciesDownTest.CLOSED_PORT;

    private final Map<String, String> overrides = new HashMap<>();

    public static Unreachable dependencies() {
        return new Unreachable();
    }

    public Unreachable postgres() {
        overrides.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://" + HOST_PORT + "/gitinsight");
        overrides.put("quarkus.datasource.reactive.url", "postgresql://" + HOST_PORT + "/gitinsight");
        overrides.put("quarkus.flyway.migrate-at-start", "false");
        return this;
    }

    public Unreachable reactivePostgres() {
        overrides.put("quarkus.datasource.reactive.url", "postgresql://" + HOST_PORT + "/gitinsight");
        return this;
    }

    public Unreachable redis() {
        overrides.put("quarkus.redis.hosts", "redis://" + HOST_PORT);
        return this;
    }

    public Unreachable rabbitmq() {
        overrides.put("rabbitmq-host", DependenciesDownTest.CLOSED_HOST);
        overrides.put("rabbitmq-port", String.valueOf(DependenciesDownTest.CLOSED_PORT));
        return this;
    }

    public Map<String, String> overrides() {
        return Map.copyOf(overrides);
    }
}
