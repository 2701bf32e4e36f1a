package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.networking.v1.HTTPIngressPath;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;

/** How many of each service run, how they scale and drain, and the one way in. */
class ScalingAndIngressTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    private static final List<ServiceSpec> AUTOSCALED = List.of(Platform.API_GATEWAY, Platform.QUERY, Platform.ANALYSIS);

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void autoscalesTheGatewayQueryAndAnalysisOnCpu(String name) {
        Overlay overlay = Overlay.of(name);
        boolean dev = name.equals("dev");

        assertThat(overlay.all(HorizontalPodAutoscaler.class)).extracting(h -> h.getSpec().getScaleTargetRef().getName())
                .containsExactlyInAnyOrderElementsOf(AUTOSCALED.stream().map(ServiceSpec::name).toList());
        for (HorizontalPodAutoscaler hpa : overlay.all(HorizontalPodAutoscaler.class)) {
            String target = hpa.getSpec().getScaleTargetRef().getName();
            assertThat(hpa.getSpec().getScaleTargetRef().getKind()).isEqualTo("Deployment");
            assertThat(overlay.find(Deployment.class, target)).as(target).isPresent();
            assertThat(hpa.getSpec().getMinReplicas()).as(target).isEqualTo(dev ? 1 : 2);
            assertThat(hpa.getSpec().getMaxReplicas()).as(target).isGreaterThan(hpa.getSpec().getMinReplicas());
            assertThat(hpa.getSpec().getMetrics()).as(target).singleElement()
                    .satisfies(m -> assertThat(m.getResource().getName()).isEqualTo("cpu"));
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void leavesTheReplicaCountToTheAutoscalerAndFixesItForTheOthers(String name) {
        Overlay overlay = Overlay.of(name);

        for (ServiceSpec spec : Platform.SERVICES) {
            Integer replicas = overlay.deployment(spec.name()).getSpec().getReplicas();
            if (AUTOSCALED.contains(spec)) {
                // a replicas field would be reset on every apply, fighting the autoscaler
                assertThat(replicas).as(spec.name()).isNull();
            } else {
                assertThat(replicas).as(spec.name()).isEqualTo(name.equals("dev") ? 1 : 2);
            }
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void letsADrainTakeOnePodOfAServiceAtATime(String name) {
        Overlay overlay = Overlay.of(name);

        assertThat(overlay.all(PodDisruptionBudget.class)).hasSize(Platform.SERVICES.size());
        for (ServiceSpec spec : Platform.SERVICES) {
            PodDisruptionBudget pdb = overlay.get(PodDisruptionBudget.class, spec.name());
            Map<String, String> podLabels = overlay.deployment(spec.name()).getSpec().getTemplate().getMetadata().getLabels();
            assertThat(pdb.getSpec().getMaxUnavailable().getIntVal()).isEqualTo(1);
            assertThat(podLabels).containsAllEntriesOf(pdb.getSpec().getSelector().getMatchLabels());
        }
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void routesEverythingFromTheIngressToTheGatewayWithRoomForStreamsAndWebhooks(String name) {
        Overlay overlay = Overlay.of(name);
        Ingress ingress = overlay.all(Ingress.class).get(0);
        List<HTTPIngressPath> paths = ingress.getSpec().getRules().get(0).getHttp().getPaths();

        assertThat(overlay.all(Ingress.class)).hasSize(1);
        assertThat(paths).singleElement().satisfies(path -> {
            assertThat(path.getPath()).isEqualTo("/");
            assertThat(path.getPathType()).isEqualTo("Prefix");
            assertThat(path.getBackend().getService().getName()).isEqualTo(Platform.API_GATEWAY.name());
            assertThat(path.getBackend().getService().getPort().getName()).isEqualTo("http");
        });
        // WebSocket streams stay open an hour between messages; GitHub's deliveries are up to 25 MB
        assertThat(ingress.getMetadata().getAnnotations())
                .containsEntry("nginx.ingress.kubernetes.io/proxy-read-timeout", "3600")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-send-timeout", "3600")
                .containsEntry("nginx.ingress.kubernetes.io/proxy-body-size", "25m");
        if (name.equals("dev")) {
            assertThat(ingress.getSpec().getTls()).isEmpty();
        } else {
            assertThat(ingress.getSpec().getRules().get(0).getHost()).isEqualTo("gitinsight.example.com");
            assertThat(ingress.getSpec().getTls()).singleElement()
                    .satisfies(tls -> assertThat(tls.getHosts()).containsExactly("gitinsight.example.com"));
        }
    }
}
