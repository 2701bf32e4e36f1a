package io.gitinsight.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.deploy.support.Yaml;

/**
 * Renders a kustomization the way {@code kubectl kustomize} does, for the few features k8s/ uses, so
 * that the manifest tests need no kubectl. A field outside that subset is an error, not ignored; and
 * {@code RenderingMatchesKubectlTest} compares this rendering with kubectl's wherever kubectl is installed.
 *
 * <p>
 * The subset: {@code resources} (files and directories holding a kustomization), {@code namespace},
 * {@code patches} as JSON Patch files aimed at one kind and name, {@code images} (new name and tag),
 * and {@code secretGenerator} from env files with {@code generatorOptions.disableNameSuffixHash}.
 */
public final class Kustomize {

    private static final Set<String> SUPPORTED = Set.of("apiVersion", "kind", "resources", "namespace", "patches",
            "images", "secretGenerator", "generatorOptions");
    /** Kinds without a namespace, among those the manifests could use. */
    private static final Set<String> CLUSTER_SCOPED = Set.of("Namespace", "ClusterRole", "ClusterRoleBinding",
            "PersistentVolume", "StorageClass", "CustomResourceDefinition", "PriorityClass", "IngressClass");

    private Kustomize() {
    }

    /** The objects {@code dir}'s kustomization.yaml produces, keyed by kind/namespace/name. */
    public static List<ObjectNode> render(Path dir) {
        return new ArrayList<>(build(dir).values());
    }

    private static Map<String, ObjectNode> build(Path dir) {
        JsonNode k = Yaml.document(dir.resolve("kustomization.yaml"));
        k.fieldNames().forEachRemaining(field -> {
            if (!SUPPORTED.contains(field)) {
                throw new KustomizeException(dir + ": unsupported kustomization field " + field);
            }
        });
        if (!k.path("kind").asText().equals("Kustomization")) {
            throw new KustomizeException(dir + ": not a Kustomization");
        }
        Map<String, ObjectNode> objects = new LinkedHashMap<>();
        for (JsonNode resource : k.path("resources")) {
            Path path = dir.resolve(resource.asText()).normalize();
            if (Files.isDirectory(path)) {
                build(path).values().forEach(o -> put(objects, o, path));
            } else {
                for (JsonNode doc : Yaml.documents(path)) {
                    put(objects, (ObjectNode) doc, path);
                }
            }
        }
        for (ObjectNode secret : generateSecrets(dir, k)) {
            put(objects, secret, dir);
        }
        for (JsonNode patch : k.path("patches")) {
            applyPatch(dir, patch, objects.values());
        }
        for (JsonNode image : k.path("images")) {
            objects.values().forEach(o -> setImage(o, image));
        }
        if (k.has("namespace")) {
            String namespace = k.get("namespace").asText();
            Map<String, ObjectNode> moved = new LinkedHashMap<>();
            for (ObjectNode o : objects.values()) {
                if (!CLUSTER_SCOPED.contains(o.path("kind").asText())) {
                    ((ObjectNode) o.get("metadata")).put("namespace", namespace);
                }
                put(moved, o, dir);
            }
            return moved;
        }
        return objects;
    }

    private static void put(Map<String, ObjectNode> objects, ObjectNode o, Path from) {
        JsonNode meta = o.path("metadata");
        String id = o.path("kind").asText() + "/" + meta.path("namespace").asText("") + "/" + meta.path("name").asText();
        if (objects.putIfAbsent(id, o) != null) {
            throw new KustomizeException(from + ": " + id + " is defined twice");
        }
    }

    private static List<ObjectNode> generateSecrets(Path dir, JsonNode k) {
        List<ObjectNode> secrets = new ArrayList<>();
        if (!k.path("secretGenerator").isEmpty() && !k.path("generatorOptions").path("disableNameSuffixHash").asBoolean()) {
            // kustomize would append a content hash to the name and rewrite the references to it
            throw new KustomizeException(dir + ": generated names with a hash suffix are not supported");
        }
        for (JsonNode generator : k.path("secretGenerator")) {
            generator.fieldNames().forEachRemaining(field -> {
                if (!Set.of("name", "envs").contains(field)) {
                    throw new KustomizeException(dir + ": unsupported secretGenerator field " + field);
                }
            });
            ObjectNode secret = Yaml.MAPPER.createObjectNode();
            secret.put("apiVersion", "v1").put("kind", "Secret");
            secret.putObject("metadata").put("name", generator.required("name").asText());
            secret.put("type", "Opaque");
            ObjectNode data = secret.putObject("data");
            for (JsonNode env : generator.path("envs")) {
                envFile(dir.resolve(env.asText())).forEach((key, value) -> data.put(key,
                        Base64.getEncoder().encodeToString(value.getBytes(StandardCharsets.UTF_8))));
            }
            secrets.add(secret);
        }
        return secrets;
    }

    /** KEY=VALUE lines; blank lines and # comments skipped; the value is everything after the first '='. */
    static Map<String, String> envFile(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                    continue;
                }
                int eq = trimmed.indexOf('=');
                if (eq <= 0) {
                    // kustomize would read a bare KEY from its own environment: never what a Secret wants
                    throw new KustomizeException(file + ": not a KEY=VALUE line: " + trimmed);
                }
                values.put(trimmed.substring(0, eq), trimmed.substring(eq + 1));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return values;
    }

    private static void applyPatch(Path dir, JsonNode patch, Iterable<ObjectNode> objects) {
        JsonNode target = patch.required("target");
        target.fieldNames().forEachRemaining(field -> {
            if (!Set.of("kind", "name").contains(field)) {
                throw new KustomizeException(dir + ": unsupported patch target field " + field);
            }
        });
        JsonNode operations = Yaml.document(dir.resolve(patch.required("path").asText()));
        int matched = 0;
        for (ObjectNode o : objects) {
            if (o.path("kind").asText().equals(target.required("kind").asText())
                    && o.path("metadata").path("name").asText().equals(target.required("name").asText())) {
                JsonPatch.apply(operations, o);
                matched++;
            }
        }
        if (matched == 0) {
            throw new KustomizeException(dir + ": patch " + patch.get("path") + " matches nothing");
        }
    }

    private static void setImage(ObjectNode o, JsonNode image) {
        JsonNode podSpec = o.path("spec").path("template").path("spec");
        for (String field : List.of("initContainers", "containers")) {
            for (JsonNode container : podSpec.path(field)) {
                String current = container.path("image").asText();
                int tagAt = current.lastIndexOf(':') > current.lastIndexOf('/') ? current.lastIndexOf(':') : -1;
                String name = tagAt < 0 ? current : current.substring(0, tagAt);
                if (name.equals(image.required("name").asText())) {
                    String newName = image.path("newName").asText(name);
                    String newTag = image.has("newTag") ? image.get("newTag").asText()
                            : tagAt < 0 ? null : current.substring(tagAt + 1);
                    ((ObjectNode) container).put("image", newTag == null ? newName : newName + ":" + newTag);
                }
            }
        }
    }
}
