package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.gitinsight.deploy.kubernetes.NetworkPolicies.Endpoint;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;
import io.gitinsight.deploy.support.RequiredEnvironment;

/**
 * The policies, evaluated connection by connection, allow exactly the paths the services use: derived
 * from their own configuration (service URLs, and the dependencies their required variables name), not
 * from a second list that could drift.
 */
class NetworkPolicyTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    /** A dependency port, and the variable whose presence says a service uses it. */
    private static final Map<Integer, String> DEPENDENCY_PORTS = Map.of(5432, "DB_URL", 6379, "REDIS_URL", 5672,
            "RABBITMQ_PORT", 15672, "RABBITMQ_MANAGEMENT_URL", 443, "GITHUB_API_URL");

    private static String namespace(Overlay overlay) {
        return overlay.all(Namespace.class).get(0).getMetadata().getName();
    }

    private static NetworkPolicies policies(Overlay overlay) {
        return new NetworkPolicies(namespace(overlay), overlay.all(NetworkPolicy.class));
    }

    private static Endpoint pod(Overlay overlay, String deployment) {
        Map<String, String> labels = overlay.deployment(deployment).getSpec().getTemplate().getMetadata().getLabels();
        return Endpoint.pod(namespace(overlay), labels);
    }

    private static boolean calls(Overlay overlay, ServiceSpec caller, ServiceSpec callee) {
        String url = "http://" + callee.name() + ":" + callee.port();
        return overlay.deployment(caller.name()).getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                .stream().map(EnvVar::getValue).anyMatch(url::equals);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void letsAServiceReachAnotherExactlyWhenItIsConfiguredToCallIt(String name) {
        Overlay overlay = Overlay.of(name);
        NetworkPolicies policies = policies(overlay);

        int allowed = 0;
        for (ServiceSpec from : Platform.SERVICES) {
            for (ServiceSpec to : Platform.SERVICES) {
                if (from == to) {
                    continue;
                }
                boolean expected = calls(overlay, from, to);
                assertThat(policies.allows(pod(overlay, from.name()), pod(overlay, to.name()), to.port()))
                        .as("%s → %s", from, to).isEqualTo(expected);
                allowed += expected ? 1 : 0;
            }
        }
        // gateway → the other four, analysis → auth and ingestion, ingestion → auth and analysis, query → auth
        assertThat(allowed).isEqualTo(4 + 2 + 2 + 1);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void takesOutsideTrafficOnlyThroughTheGatewayAndLetsPrometheusScrapeEveryService(String name) {
        Overlay overlay = Overlay.of(name);
        NetworkPolicies policies = policies(overlay);
        Endpoint ingressController = Endpoint.pod("ingress-nginx", Map.of("app.kubernetes.io/name", "ingress-nginx"));
        Endpoint prometheus = Endpoint.pod("monitoring", Map.of("app.kubernetes.io/name", "prometheus"));
        Endpoint otherTenant = Endpoint.pod("default", Map.of("app.kubernetes.io/name", "api-gateway"));

        for (ServiceSpec to : Platform.SERVICES) {
            Endpoint target = pod(overlay, to.name());
            assertThat(policies.allows(ingressController, target, to.port())).as(to.name())
                    .isEqualTo(to == Platform.API_GATEWAY);
            assertThat(policies.allows(prometheus, target, to.port())).as(to.name()).isTrue();
            assertThat(policies.allows(otherTenant, target, to.port())).as(to.name()).isFalse();
            assertThat(policies.allows(Endpoint.outsideCluster(), target, to.port())).as(to.name()).isFalse();
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void letsEachServiceOutOnlyToTheDependenciesItUsesAndDns(String name) {
        Overlay overlay = Overlay.of(name);
        NetworkPolicies policies = policies(overlay);
        // a managed database, cache or broker, or GitHub: somewhere outside the namespace
        Endpoint anywhere = Endpoint.outsideCluster();

        for (ServiceSpec from : Platform.SERVICES) {
            Set<String> required = RequiredEnvironment.of(from.name());
            Endpoint source = pod(overlay, from.name());
            DEPENDENCY_PORTS.forEach((port, variable) -> assertThat(policies.allows(source, anywhere, port))
                    .as("%s → port %d", from, port).isEqualTo(required.contains(variable)));
            assertThat(policies.allows(source, anywhere, "UDP", 53)).as(from.name()).isTrue();
            assertThat(policies.allows(source, anywhere, 22)).as(from.name()).isFalse();
        }
    }

    @Test
    void letsOnlyTheirUsersReachTheDevelopmentDependencies() {
        Overlay dev = Overlay.of("dev");
        NetworkPolicies policies = policies(dev);
        Map<String, String> dependencyByVariable = Map.of("DB_URL", "gitinsight-db", "REDIS_URL", "gitinsight-redis",
                "RABBITMQ_PORT", "gitinsight-rabbitmq");
        Map<String, Integer> ports = Map.of("gitinsight-db", 5432, "gitinsight-redis", 6379, "gitinsight-rabbitmq", 5672);

        dependencyByVariable.forEach((variable, dependency) -> {
            Endpoint target = Endpoint.pod("gitinsight-dev", Map.of("app.kubernetes.io/name", dependency,
                    "app.kubernetes.io/part-of", "gitinsight"));
            for (ServiceSpec from : Platform.SERVICES) {
                assertThat(policies.allows(pod(dev, from.name()), target, ports.get(dependency)))
                        .as("%s → %s", from, dependency).isEqualTo(RequiredEnvironment.of(from.name()).contains(variable));
            }
        });
        Endpoint rabbitmq = Endpoint.pod("gitinsight-dev", Map.of("app.kubernetes.io/name", "gitinsight-rabbitmq",
                "app.kubernetes.io/part-of", "gitinsight"));
        assertThat(policies.allows(pod(dev, "api-gateway"), rabbitmq, 15672)).isTrue();
        assertThat(policies.allows(Endpoint.pod("monitoring", Map.of()), rabbitmq, 15692)).isTrue();
        assertThat(policies.allows(pod(dev, "query-service"), rabbitmq, 15672)).isFalse();
    }
}
