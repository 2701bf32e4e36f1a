package io.gitinsight.model.events;

import java.time.Instant;
import java.util.Map;

/** {@code system.health.check}: a service's own view of its health, with the state of each check. */
public record HealthCheckReported(String service, String status, String version, Instant checkedAt,
        Map<String, String> checks) {
}
