package io.gitinsight.deploy.kubernetes;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.gitinsight.deploy.support.Repository;

/**
 * One overlay of k8s/ rendered and parsed strictly, with lookups by kind and name. The overlays render
 * from a copy of k8s/ in which the dev Secrets' env files are their committed examples, as a developer
 * who followed the README would have them.
 */
public final class Overlay {

    public static final List<String> ALL = List.of("dev", "prod", "prod-monitoring");

    private static final Map<String, Overlay> CACHE = new ConcurrentHashMap<>();
    private static Path workingCopy;

    private final String name;
    private final List<ObjectNode> raw;
    private final List<HasMetadata> objects;

    private Overlay(String name, List<ObjectNode> raw) {
        this.name = name;
        this.raw = raw;
        this.objects = raw.stream().map(StrictKubernetes::parse).toList();
    }

    public static Overlay of(String name) {
        return CACHE.computeIfAbsent(name, n -> new Overlay(n, Kustomize.render(directory(n))));
    }

    /** The overlay's directory in a copy of k8s/ whose dev secrets/*.env are the committed examples. */
    public static synchronized Path directory(String name) {
        if (workingCopy == null) {
            workingCopy = copyWithExampleSecrets(Repository.path("k8s"));
        }
        return workingCopy.resolve("overlays").resolve(name);
    }

    public String name() {
        return name;
    }

    /** The rendered objects as kustomize writes them. */
    public List<ObjectNode> raw() {
        return raw;
    }

    public List<HasMetadata> objects() {
        return objects;
    }

    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast).toList();
    }

    public <T extends HasMetadata> Optional<T> find(Class<T> type, String objectName) {
        return all(type).stream().filter(o -> o.getMetadata().getName().equals(objectName)).findFirst();
    }

    public <T extends HasMetadata> T get(Class<T> type, String objectName) {
        return find(type, objectName).orElseThrow(
                () -> new AssertionError(name + " has no " + type.getSimpleName() + " " + objectName));
    }

    public Deployment deployment(String objectName) {
        return get(Deployment.class, objectName);
    }

    public Service service(String objectName) {
        return get(Service.class, objectName);
    }

    public Optional<ConfigMap> configMap(String objectName) {
        return find(ConfigMap.class, objectName);
    }

    public Optional<Secret> secret(String objectName) {
        return find(Secret.class, objectName);
    }

    @Override
    public String toString() {
        return name;
    }

    private static void deleteTree(Path root) {
        try (Stream<Path> files = Files.walk(root)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory left behind is harmless
        }
    }

    private static Path copyWithExampleSecrets(Path k8s) {
        try {
            Path copy = Files.createTempDirectory("gitinsight-k8s-");
            try (Stream<Path> files = Files.walk(k8s)) {
                for (Path source : files.toList()) {
                    Path target = copy.resolve(k8s.relativize(source).toString());
                    if (Files.isDirectory(source)) {
                        Files.createDirectories(target);
                    } else if (source.getFileName().toString().endsWith(".env")) {
                        continue; // a developer's own secrets never reach the tests
                    } else {
                        Files.copy(source, target);
                        String file = target.getFileName().toString();
                        if (file.endsWith(".env.example")) {
                            Files.copy(source, target.resolveSibling(file.substring(0, file.length() - ".example".length())));
                        }
                    }
                }
            }
            Runtime.getRuntime().addShutdownHook(new Thread(() -> deleteTree(copy)));
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + k8s, e);
        }
    }
}
