package io.gitinsight.deploy.support;

import java.util.List;

/** The five services and their contract ports (CONTRACT §1): what every deployment must agree with. */
public final class Platform {

    /** A service: its name (module, image, Deployment, Service and compose service alike) and its port. */
    public record ServiceSpec(String name, int port) {
        @Override
        public String toString() {
            return name;
        }
    }

    public static final ServiceSpec API_GATEWAY = new ServiceSpec("api-gateway", 8080);
    public static final ServiceSpec ANALYSIS = new ServiceSpec("analysis-service", 8000);
    public static final ServiceSpec AUTH = new ServiceSpec("auth-service", 8001);
    public static final ServiceSpec QUERY = new ServiceSpec("query-service", 8082);
    public static final ServiceSpec INGESTION = new ServiceSpec("ingestion-service", 8083);

    public static final List<ServiceSpec> SERVICES = List.of(API_GATEWAY, ANALYSIS, AUTH, QUERY, INGESTION);

    public static final String LIVENESS_PATH = "/health/live";
    public static final String READINESS_PATH = "/health/ready";
    public static final String METRICS_PATH = "/metrics";

    private Platform() {
    }

    public static ServiceSpec service(String name) {
        return SERVICES.stream().filter(s -> s.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no service " + name));
    }
}
