package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.ConfigMapKeySelector;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.SecretKeySelector;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;
import io.gitinsight.deploy.support.RequiredEnvironment;

/**
 * Every variable a service requires reaches it, from a literal, the overlay's ConfigMap or a Secret that
 * has the key. prod's Secrets are created outside the manifests (k8s/README.md); they must have the
 * names and keys of the ones the dev overlay generates, which is what the README documents.
 */
class EnvironmentTest {

    /** Secrets a service cannot start without: never optional references. */
    private static final Set<String> MANDATORY_SECRETS = Set.of("DB_PASSWORD", "RABBITMQ_PASSWORD",
            "TOKEN_ENCRYPTION_KEY", "INTERNAL_SERVICE_TOKEN");

    static final List<String> OVERLAYS = Overlay.ALL;

    static Stream<Arguments> everyServiceInEveryOverlay() {
        return ServiceDeploymentsTest.everyServiceInEveryOverlay();
    }

    private static Map<String, EnvVar> env(Deployment deployment) {
        Container container = deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
        assertThat(container.getEnvFrom()).as("variables are listed one by one, so each service gets only its own")
                .isEmpty();
        return container.getEnv().stream().collect(Collectors.toMap(EnvVar::getName, Function.identity()));
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void providesEveryVariableTheServiceRequires(String overlayName, ServiceSpec spec) {
        Set<String> required = RequiredEnvironment.of(spec.name());

        assertThat(env(Overlay.of(overlayName).deployment(spec.name())).keySet()).containsAll(required);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void takesEachValueFromALiteralOrAnExistingKey(String overlayName, ServiceSpec spec) {
        Overlay overlay = Overlay.of(overlayName);
        Overlay secrets = overlay.secret("gitinsight-secrets").isPresent() ? overlay : Overlay.of("dev");

        env(overlay.deployment(spec.name())).values().forEach(var -> {
            if (var.getValueFrom() == null) {
                assertThat(var.getValue()).as(var.getName()).isNotNull();
                return;
            }
            ConfigMapKeySelector fromConfig = var.getValueFrom().getConfigMapKeyRef();
            SecretKeySelector fromSecret = var.getValueFrom().getSecretKeyRef();
            if (fromConfig != null) {
                assertThat(overlay.configMap(fromConfig.getName())).as(var.getName()).get()
                        .satisfies(cm -> assertThat(cm.getData()).containsKey(fromConfig.getKey()));
            } else {
                assertThat(fromSecret).as(var.getName() + " comes from a ConfigMap or a Secret").isNotNull();
                assertThat(secrets.secret(fromSecret.getName())).as(var.getName()).get()
                        .satisfies(s -> assertThat(s.getData()).containsKey(fromSecret.getKey()));
                if (MANDATORY_SECRETS.contains(var.getName())) {
                    assertThat(fromSecret.getOptional()).as(var.getName()).isNotEqualTo(Boolean.TRUE);
                }
            }
        });
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void pointsEveryServiceUrlAtThatServicesContractPort(String overlayName, ServiceSpec spec) {
        Map<String, EnvVar> env = env(Overlay.of(overlayName).deployment(spec.name()));
        Map<String, ServiceSpec> byVariable = Map.of("AUTH_SERVICE_URL", Platform.AUTH, "ANALYSIS_SERVICE_URL",
                Platform.ANALYSIS, "QUERY_SERVICE_URL", Platform.QUERY, "INGESTION_SERVICE_URL", Platform.INGESTION);

        byVariable.forEach((variable, target) -> {
            if (env.containsKey(variable)) {
                assertThat(env.get(variable).getValue()).isEqualTo("http://" + target.name() + ":" + target.port());
            }
        });
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void keepsTheGitMirrorsOnAWritableVolume(String overlayName) {
        Deployment ingestion = Overlay.of(overlayName).deployment(Platform.INGESTION.name());
        String dataDir = env(ingestion).get("INGESTION_DATA_DIR").getValue();
        Container container = ingestion.getSpec().getTemplate().getSpec().getContainers().get(0);

        assertThat(dataDir).isEqualTo("/var/lib/gitinsight/mirrors");
        assertThat(ServiceDeploymentsTest.writableMountPaths(ingestion.getSpec().getTemplate().getSpec(), container))
                .contains(dataDir);
        boolean prod = overlayName.startsWith("prod");
        assertThat(ingestion.getSpec().getTemplate().getSpec().getVolumes()).filteredOn(v -> v.getName().equals("mirrors"))
                .singleElement().satisfies(v -> assertThat(prod ? v.getEphemeral() : v.getEmptyDir()).isNotNull());
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("OVERLAYS")
    void givesQueryServiceTheReadOnlyDatabaseAndTheWritersThePrimary(String overlayName) {
        Overlay overlay = Overlay.of(overlayName);
        Map<String, String> config = overlay.configMap("gitinsight-config").orElseThrow().getData();

        for (ServiceSpec spec : List.of(Platform.AUTH, Platform.INGESTION, Platform.ANALYSIS, Platform.QUERY)) {
            String key = env(overlay.deployment(spec.name())).get("DB_URL").getValueFrom().getConfigMapKeyRef().getKey();
            assertThat(key).as(spec.name()).isEqualTo(spec == Platform.QUERY ? "DB_READ_URL" : "DB_URL");
        }
        assertThat(config).containsEntry("DB_URL", "postgresql://gitinsight-db-rw:5432/gitinsight")
                .containsEntry("DB_READ_URL", "postgresql://gitinsight-db-ro:5432/gitinsight");
    }
}
