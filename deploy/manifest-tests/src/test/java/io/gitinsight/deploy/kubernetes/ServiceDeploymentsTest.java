package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerPort;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.PodTemplateSpec;
import io.fabric8.kubernetes.api.model.Probe;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.ServicePort;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;

/** Every service, in every overlay: a Deployment and a Service on its contract port, probed and hardened. */
class ServiceDeploymentsTest {

    static Stream<Arguments> everyServiceInEveryOverlay() {
        return Overlay.ALL.stream().flatMap(o -> Platform.SERVICES.stream().map(s -> Arguments.of(o, s)));
    }

    private static Container container(Deployment deployment) {
        assertThat(deployment.getSpec().getTemplate().getSpec().getContainers()).hasSize(1);
        return deployment.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void listensOnItsContractPortBehindAServiceOfTheSamePort(String overlayName, ServiceSpec spec) {
        Overlay overlay = Overlay.of(overlayName);
        Deployment deployment = overlay.deployment(spec.name());
        Service service = overlay.service(spec.name());

        ContainerPort http = container(deployment).getPorts().get(0);
        assertThat(container(deployment).getPorts()).hasSize(1);
        assertThat(http.getName()).isEqualTo("http");
        assertThat(http.getContainerPort()).isEqualTo(spec.port());

        ServicePort port = service.getSpec().getPorts().get(0);
        assertThat(service.getSpec().getPorts()).hasSize(1);
        assertThat(port.getPort()).isEqualTo(spec.port());
        assertThat(port.getTargetPort().getStrVal()).isEqualTo("http");
        // the Service selects this Deployment's pods, and the Deployment's selector its own template
        Map<String, String> podLabels = deployment.getSpec().getTemplate().getMetadata().getLabels();
        assertThat(podLabels).containsAllEntriesOf(service.getSpec().getSelector())
                .containsAllEntriesOf(deployment.getSpec().getSelector().getMatchLabels())
                .containsEntry("app.kubernetes.io/name", spec.name());
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void isProbedOnTheContractsHealthPaths(String overlayName, ServiceSpec spec) {
        Container container = container(Overlay.of(overlayName).deployment(spec.name()));

        assertHttpProbe(container.getLivenessProbe(), Platform.LIVENESS_PATH);
        assertHttpProbe(container.getReadinessProbe(), Platform.READINESS_PATH);
        assertHttpProbe(container.getStartupProbe(), Platform.LIVENESS_PATH);
        // the startup probe gives the JVM and Flyway 36 × 5 s = 3 minutes before liveness may restart it
        assertThat(container.getStartupProbe().getFailureThreshold() * container.getStartupProbe().getPeriodSeconds())
                .isEqualTo(180);
    }

    private static void assertHttpProbe(Probe probe, String path) {
        assertThat(probe).isNotNull();
        assertThat(probe.getHttpGet().getPath()).isEqualTo(path);
        assertThat(probe.getHttpGet().getPort().getStrVal()).isEqualTo("http");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void announcesItsMetricsToPrometheusUnlessAServiceMonitorScrapesIt(String overlayName, ServiceSpec spec) {
        Map<String, String> annotations = Overlay.of(overlayName).deployment(spec.name()).getSpec().getTemplate()
                .getMetadata().getAnnotations();

        assertThat(annotations).containsEntry("prometheus.io/port", String.valueOf(spec.port()))
                .containsEntry("prometheus.io/path", Platform.METRICS_PATH)
                .containsEntry("prometheus.io/scrape", overlayName.equals("prod-monitoring") ? "false" : "true");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void runsAsTheImagesUserOnAReadOnlyRootWithAWritableTmp(String overlayName, ServiceSpec spec) {
        PodTemplateSpec template = Overlay.of(overlayName).deployment(spec.name()).getSpec().getTemplate();
        PodSpec pod = template.getSpec();
        Container container = container(Overlay.of(overlayName).deployment(spec.name()));

        assertThat(pod.getSecurityContext().getRunAsUser()).isEqualTo(185L);
        assertThat(pod.getSecurityContext().getRunAsNonRoot()).isTrue();
        assertThat(pod.getEnableServiceLinks()).isFalse();
        assertThat(container.getSecurityContext().getReadOnlyRootFilesystem()).isTrue();
        assertThat(writableMountPaths(pod, container)).contains("/tmp");
        assertThat(container.getImage()).matches("(registry\\.example\\.com/)?gitinsight/" + spec.name() + ":[0-9.]+");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @MethodSource("everyServiceInEveryOverlay")
    void asksForCpuAndMemoryAndIsCappedInMemory(String overlayName, ServiceSpec spec) {
        Container container = container(Overlay.of(overlayName).deployment(spec.name()));

        assertThat(container.getResources().getRequests()).containsKeys("cpu", "memory");
        assertThat(container.getResources().getLimits()).containsKeys("cpu", "memory");
        boolean large = overlayName.startsWith("prod")
                && (spec == Platform.ANALYSIS || spec == Platform.INGESTION);
        assertThat(container.getResources().getLimits().get("memory").toString()).isEqualTo(large ? "2Gi" : "768Mi");
    }

    /** Mount paths of volumes a read-only root leaves writable: emptyDirs and per-pod ephemeral volumes. */
    static List<String> writableMountPaths(PodSpec pod, Container container) {
        return container.getVolumeMounts().stream().filter(m -> !Boolean.TRUE.equals(m.getReadOnly()))
                .filter(m -> pod.getVolumes().stream().filter(v -> v.getName().equals(m.getName()))
                        .anyMatch(ServiceDeploymentsTest::isWritableScratch))
                .map(VolumeMount::getMountPath).toList();
    }

    private static boolean isWritableScratch(Volume volume) {
        return volume.getEmptyDir() != null || volume.getEphemeral() != null;
    }
}
