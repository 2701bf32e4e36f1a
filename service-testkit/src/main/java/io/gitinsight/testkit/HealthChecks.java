package io.gitinsight.testkit;

/** The names under which Quarkus reports each dependency's readiness check. */
public final class HealthChecks {

    public static final String DATABASE = "Database connections health check";
    public static final String REACTIVE_POSTGRES = "Reactive PostgreSQL connections health check";
    public static final String REDIS = "Redis connection health check";
    public static final String MESSAGING = "SmallRye Reactive Messaging - readiness check";
    public static final String RABBITMQ = "RabbitMQ broker connection";

    private HealthChecks() {
    }
}
