package io.gitinsight.deploy.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.node.ObjectNode;

/** The renderer's kustomize subset, on a small base and overlay written by each test. */
class KustomizeTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeBase() throws IOException {
        write("base/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                resources:
                  - app.yaml
                """);
        write("base/app.yaml", """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      initContainers:
                        - {name: migrate, image: "example/web:1.0"}
                      containers:
                        - {name: web, image: "example/web:1.0"}
                        - {name: proxy, image: "example/proxy:1.0"}
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: worker
                spec:
                  replicas: 3
                  selector: {matchLabels: {app: worker}}
                  template:
                    metadata: {labels: {app: worker}}
                    spec:
                      containers:
                        - {name: worker, image: "registry.test:5000/worker"}
                """);
        write("overlay/namespace.yaml", """
                apiVersion: v1
                kind: Namespace
                metadata:
                  name: shop
                """);
        write("overlay/one-replica.yaml", """
                - op: test
                  path: /spec/replicas
                  value: 3
                - op: replace
                  path: /spec/replicas
                  value: 1
                - op: add
                  path: /metadata/annotations
                  value: {example.com/owner: "team-a"}
                """);
        write("overlay/web.env", """
                # comments and blank lines are skipped

                user=shop
                password=s3cret=x
                """);
    }

    private void write(String path, String content) throws IOException {
        Path file = dir.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
    }

    private void overlay(String body) throws IOException {
        write("overlay/kustomization.yaml", """
                apiVersion: kustomize.config.k8s.io/v1beta1
                kind: Kustomization
                """ + body);
    }

    private Map<String, ObjectNode> render() {
        return Kustomize.render(dir.resolve("overlay")).stream().collect(Collectors.toMap(
                o -> o.path("kind").asText() + "/" + o.path("metadata").path("name").asText(), Function.identity()));
    }

    @Test
    void placesEveryNamespacedObjectInTheOverlaysNamespaceButNotTheNamespaceItself() throws IOException {
        overlay("""
                namespace: shop
                resources: [namespace.yaml, ../base]
                """);

        Map<String, ObjectNode> objects = render();

        assertThat(objects).containsOnlyKeys("Namespace/shop", "Deployment/web", "Deployment/worker");
        assertThat(objects.get("Deployment/web").at("/metadata/namespace").asText()).isEqualTo("shop");
        assertThat(objects.get("Namespace/shop").at("/metadata").has("namespace")).isFalse();
    }

    @Test
    void appliesAJsonPatchToItsTargetOnly() throws IOException {
        overlay("""
                resources: [../base]
                patches:
                  - path: one-replica.yaml
                    target: {kind: Deployment, name: web}
                """);

        Map<String, ObjectNode> objects = render();

        assertThat(objects.get("Deployment/web").at("/spec/replicas").asInt()).isEqualTo(1);
        assertThat(objects.get("Deployment/web").at("/metadata/annotations/example.com~1owner").asText())
                .isEqualTo("team-a");
        assertThat(objects.get("Deployment/worker").at("/spec/replicas").asInt()).isEqualTo(3);
    }

    @Test
    void stopsWhenAPatchsTestOperationFails() throws IOException {
        write("overlay/expects-two.yaml", """
                - op: test
                  path: /spec/replicas
                  value: 2
                """);
        overlay("""
                resources: [../base]
                patches:
                  - path: expects-two.yaml
                    target: {kind: Deployment, name: web}
                """);

        assertThatThrownBy(this::render).isInstanceOf(KustomizeException.class)
                .hasMessage("test failed at /spec/replicas: found 3, expected 2");
    }

    @Test
    void refusesAPatchThatMatchesNothing() throws IOException {
        overlay("""
                resources: [../base]
                patches:
                  - path: one-replica.yaml
                    target: {kind: Deployment, name: webb}
                """);

        assertThatThrownBy(this::render).isInstanceOf(KustomizeException.class)
                .hasMessageEndingWith("patch \"one-replica.yaml\" matches nothing");
    }

    @Test
    void renamesAndRetagsTheMatchingImagesInContainersAndInitContainers() throws IOException {
        overlay("""
                resources: [../base]
                images:
                  - {name: example/web, newName: registry.test/web, newTag: "2.0"}
                  - {name: registry.test:5000/worker, newTag: "7"}
                """);

        Map<String, ObjectNode> objects = render();

        ObjectNode web = objects.get("Deployment/web");
        assertThat(List.of(web.at("/spec/template/spec/initContainers/0/image").asText(),
                web.at("/spec/template/spec/containers/0/image").asText(),
                web.at("/spec/template/spec/containers/1/image").asText()))
                .containsExactly("registry.test/web:2.0", "registry.test/web:2.0", "example/proxy:1.0");
        // the registry's port is not a tag
        assertThat(objects.get("Deployment/worker").at("/spec/template/spec/containers/0/image").asText())
                .isEqualTo("registry.test:5000/worker:7");
    }

    @Test
    void generatesASecretFromAnEnvFileWithBase64Values() throws IOException {
        overlay("""
                resources: [../base]
                generatorOptions: {disableNameSuffixHash: true}
                secretGenerator:
                  - name: web-secrets
                    envs: [web.env]
                """);

        ObjectNode secret = render().get("Secret/web-secrets");

        assertThat(secret.at("/type").asText()).isEqualTo("Opaque");
        // base64("shop") = c2hvcA==; base64("s3cret=x") = czNj cmV0 PXg= (everything after the first '=')
        assertThat(secret.at("/data/user").asText()).isEqualTo("c2hvcA==");
        assertThat(secret.at("/data/password").asText()).isEqualTo("czNjcmV0PXg=");
    }

    @Test
    void refusesGeneratedNamesWithAHashSuffix() throws IOException {
        overlay("""
                resources: [../base]
                secretGenerator:
                  - name: web-secrets
                    envs: [web.env]
                """);

        assertThatThrownBy(this::render).isInstanceOf(KustomizeException.class)
                .hasMessageEndingWith("generated names with a hash suffix are not supported");
    }

    @Test
    void refusesAFieldOutsideItsSubsetInsteadOfIgnoringIt() throws IOException {
        overlay("""
                resources: [../base]
                commonLabels: {team: a}
                """);

        assertThatThrownBy(this::render).isInstanceOf(KustomizeException.class)
                .hasMessageEndingWith("unsupported kustomization field commonLabels");
    }

    @Test
    void refusesTheSameObjectTwice() throws IOException {
        overlay("""
                resources: [../base, ../base/app.yaml]
                """);

        assertThatThrownBy(this::render).isInstanceOf(KustomizeException.class)
                .hasMessageEndingWith("Deployment//web is defined twice");
    }
}
