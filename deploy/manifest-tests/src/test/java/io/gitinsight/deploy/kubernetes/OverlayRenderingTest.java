package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.gitinsight.deploy.support.Command;
import io.gitinsight.deploy.support.Yaml;

/** Each overlay renders, parses strictly, holds what it should, and renders as kubectl itself would. */
class OverlayRenderingTest {

    static final List<String> OVERLAYS = Overlay.ALL;

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersExactlyTheExpectedObjectsEachOfAKnownKindWithKnownFields(String name) {
        // the strict parse happens in Overlay.of: any unknown kind or field fails here
        Overlay overlay = Overlay.of(name);

        // base: 5 Deployments and Services, 3 HPAs, 5 PDBs, 7 NetworkPolicies (default deny, DNS, one per
        // service), 1 Ingress; each overlay adds its Namespace and ConfigMap; dev adds 3 generated Secrets,
        // 3 StatefulSets with 4 Services (the database has a read-write and a read-only one) and their 3
        // NetworkPolicies; prod-monitoring adds the ServiceMonitor and the PrometheusRule
        Map<String, Long> prod = Map.of("Namespace", 1L, "ConfigMap", 1L, "Deployment", 5L, "Service", 5L,
                "HorizontalPodAutoscaler", 3L, "PodDisruptionBudget", 5L, "NetworkPolicy", 7L, "Ingress", 1L);
        Map<String, Long> expected = new TreeMap<>(prod);
        switch (name) {
            case "dev" -> {
                expected.put("Secret", 3L);
                expected.put("StatefulSet", 3L);
                expected.put("Service", 9L);
                expected.put("NetworkPolicy", 10L);
            }
            case "prod-monitoring" -> {
                expected.put("ServiceMonitor", 1L);
                expected.put("PrometheusRule", 1L);
            }
            default -> {
            }
        }
        assertThat(kindCounts(overlay)).isEqualTo(expected);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void rendersWhatKubectlKustomizeRenders(String name) {
        assumeTrue(Command.available("kubectl"), "kubectl is not installed: the renderer is checked where it is");
        Command.Result kubectl = Command.run(Overlay.directory(name), List.of("kubectl", "kustomize", "."));
        assertThat(kubectl.exitCode()).as(kubectl.output()).isZero();

        Map<String, JsonNode> theirs = byId(Yaml.documents(kubectl.output()));
        Map<String, JsonNode> ours = byId(Overlay.of(name).raw().stream().map(JsonNode.class::cast).toList());

        assertThat(ours.keySet()).isEqualTo(theirs.keySet());
        ours.forEach((id, object) -> assertThat(object).as(id).isEqualTo(theirs.get(id)));
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void putsEverythingInOneNamespaceThatEnforcesTheRestrictedPodSecurityStandard(String name) {
        Overlay overlay = Overlay.of(name);
        Namespace namespace = overlay.all(Namespace.class).get(0);
        String expected = name.equals("dev") ? "gitinsight-dev" : "gitinsight";

        assertThat(namespace.getMetadata().getName()).isEqualTo(expected);
        assertThat(namespace.getMetadata().getLabels()).containsEntry("pod-security.kubernetes.io/enforce", "restricted");
        assertThat(overlay.objects()).filteredOn(o -> !(o instanceof Namespace))
                .extracting(o -> o.getMetadata().getNamespace()).containsOnly(expected);
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void runsEveryPodAsTheRestrictedStandardRequires(String name) {
        Overlay overlay = Overlay.of(name);
        Map<String, PodSpec> pods = new TreeMap<>();
        overlay.all(Deployment.class).forEach(d -> pods.put(d.getMetadata().getName(), d.getSpec().getTemplate().getSpec()));
        overlay.all(StatefulSet.class).forEach(s -> pods.put(s.getMetadata().getName(), s.getSpec().getTemplate().getSpec()));

        assertThat(pods).hasSize(name.equals("dev") ? 8 : 5);
        pods.forEach((pod, spec) -> {
            assertThat(spec.getSecurityContext().getRunAsNonRoot()).as(pod).isTrue();
            assertThat(spec.getSecurityContext().getRunAsUser()).as(pod).isPositive();
            assertThat(spec.getSecurityContext().getSeccompProfile().getType()).as(pod).isEqualTo("RuntimeDefault");
            assertThat(spec.getAutomountServiceAccountToken()).as(pod).isFalse();
            for (Container c : spec.getContainers()) {
                assertThat(c.getSecurityContext().getAllowPrivilegeEscalation()).as(pod).isFalse();
                assertThat(c.getSecurityContext().getCapabilities().getDrop()).as(pod).containsExactly("ALL");
                assertThat(c.getSecurityContext().getPrivileged()).as(pod).isNotEqualTo(Boolean.TRUE);
            }
        });
    }

    @ParameterizedTest
    @FieldSource("OVERLAYS")
    void pinsEveryImageToAVersion(String name) {
        Overlay overlay = Overlay.of(name);
        List<String> images = overlay.objects().stream().flatMap(o -> podSpec(o).stream())
                .flatMap(spec -> spec.getContainers().stream()).map(Container::getImage).toList();

        assertThat(images).isNotEmpty().allSatisfy(image -> {
            String tag = image.substring(image.lastIndexOf('/') + 1);
            assertThat(tag).as(image).contains(":").doesNotEndWith(":latest");
        });
        if (!name.equals("dev")) {
            assertThat(images).allMatch(image -> image.startsWith("registry.example.com/gitinsight/"));
        }
    }

    private static List<PodSpec> podSpec(HasMetadata o) {
        if (o instanceof Deployment d) {
            return List.of(d.getSpec().getTemplate().getSpec());
        }
        if (o instanceof StatefulSet s) {
            return List.of(s.getSpec().getTemplate().getSpec());
        }
        return List.of();
    }

    private static Map<String, Long> kindCounts(Overlay overlay) {
        return overlay.objects().stream().collect(Collectors.groupingBy(HasMetadata::getKind, TreeMap::new,
                Collectors.counting()));
    }

    private static Map<String, JsonNode> byId(List<JsonNode> objects) {
        return objects.stream().collect(Collectors.toMap(o -> o.path("kind").asText() + "/"
                + o.path("metadata").path("namespace").asText() + "/" + o.path("metadata").path("name").asText(),
                Function.identity()));
    }
}
