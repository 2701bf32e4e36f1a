package io.gitinsight.deploy.support;

import java.nio.file.Files;
import java.nio.file.Path;

/** Paths in the GitInsight repository, whose root Maven passes as {@code repository.root}. */
public final class Repository {

    private Repository() {
    }

    public static Path root() {
        String configured = System.getProperty("repository.root");
        Path root = configured != null ? Path.of(configured) : Path.of("../..");
        root = root.toAbsolutePath().normalize();
        if (!Files.isDirectory(root.resolve("k8s")) || !Files.isRegularFile(root.resolve("docker-compose.yml"))) {
            throw new IllegalStateException(root + " is not the GitInsight repository root");
        }
        return root;
    }

    public static Path path(String relative) {
        return root().resolve(relative);
    }
}
