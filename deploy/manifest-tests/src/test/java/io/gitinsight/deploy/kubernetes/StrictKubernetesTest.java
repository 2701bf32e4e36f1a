package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;

import org.junit.jupiter.api.Test;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.gitinsight.deploy.support.Yaml;

/** The strict parser catches the mistakes kubectl apply would let through or the API server would drop. */
class StrictKubernetesTest {

    private static HasMetadata parseFixture(String file) {
        return StrictKubernetes.parse(Yaml.document(Path.of("src/test/resources/manifests", file)));
    }

    @Test
    void parsesAWellFormedDeploymentIntoTheTypedModel() {
        Deployment deployment = (Deployment) parseFixture("deployment.yaml");

        assertThat(deployment.getSpec().getReplicas()).isEqualTo(2);
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getReadinessProbe()
                .getHttpGet().getPath()).isEqualTo("/health/ready");
    }

    @Test
    void rejectsAMisspelledFieldAndSaysWhereItIs() {
        assertThatThrownBy(() -> parseFixture("misspelled-field.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("Deployment web: unknown fields [spec.template.spec.containers[0].readinesProbe]");
    }

    @Test
    void rejectsAKindThatDoesNotExist() {
        assertThatThrownBy(() -> parseFixture("unknown-kind.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("Deploymnet web: unknown kind Deploymnet in apps/v1");
    }

    @Test
    void rejectsAKindUnderAnApiVersionThatDoesNotServeIt() {
        assertThatThrownBy(() -> parseFixture("wrong-api-version.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessage("Deployment web: unknown kind Deployment in apps/v2");
    }

    @Test
    void rejectsAValueOfTheWrongType() {
        assertThatThrownBy(() -> parseFixture("wrong-type.yaml"))
                .isInstanceOf(ManifestException.class)
                .hasMessageStartingWith("Deployment web: ")
                .hasMessageContaining("two");
    }

    @Test
    void knowsThePrometheusOperatorsServiceMonitor() {
        ServiceMonitor monitor = (ServiceMonitor) parseFixture("service-monitor.yaml");

        assertThat(monitor.getSpec().getEndpoints().get(0).getPath()).isEqualTo("/metrics");
    }
}
