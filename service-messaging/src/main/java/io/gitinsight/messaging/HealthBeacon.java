package io.gitinsight.messaging;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.JsonObject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.jboss.logging.Logger;

import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.HealthCheckReported;
import io.quarkus.scheduler.Scheduled;
import io.smallrye.health.SmallRyeHealth;
import io.smallrye.health.SmallRyeHealthReporter;
import io.smallrye.mutiny.Uni;

/**
 * Publishes {@code system.health.check} with this service's readiness, so that the gateway's system
 * status and any operator tooling see every replica without polling each one.
 */
@ApplicationScoped
public class HealthBeacon {

    private static final Logger LOG = Logger.getLogger(HealthBeacon.class);

    private final SmallRyeHealthReporter health;
    private final EventPublisher publisher;
    private final String service;
    private final String version;

    public HealthBeacon(SmallRyeHealthReporter health, EventPublisher publisher,
            @ConfigProperty(name = "quarkus.application.name") String service,
            @ConfigProperty(name = "quarkus.application.version", defaultValue = "unknown") String version) {
        this.health = health;
        this.publisher = publisher;
        this.service = service;
        this.version = version;
    }

    @Scheduled(every = "${gitinsight.health-beacon.interval}", delayed = "${gitinsight.health-beacon.delay}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    Uni<Void> beat() {
        return health.getReadinessAsync().onItem().transformToUni(readiness -> publisher.publish(
                EventEnvelope.of(EventType.SYSTEM_HEALTH_CHECK, null, null, report(readiness))))
                .onFailure().invoke(e -> LOG.warnf("health beacon not published: %s", e.getMessage()))
                .onFailure().recoverWithNull();
    }

    HealthCheckReported report(SmallRyeHealth readiness) {
        JsonObject payload = readiness.getPayload();
        Map<String, String> checks = new LinkedHashMap<>();
        payload.getJsonArray("checks").forEach(check -> {
            JsonObject c = check.asJsonObject();
            checks.put(c.getString("name"), c.getString("status"));
        });
        String status = readiness.isDown() ? HealthCheckResponse.Status.DOWN.name() : HealthCheckResponse.Status.UP.name();
        return new HealthCheckReported(service, status, version, Instant.now(), checks);
    }
}
