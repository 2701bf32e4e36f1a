package io.gitinsight.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;

import com.fasterxml.jackson.databind.JsonNode;

import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.gitinsight.deploy.kubernetes.Overlay;
import io.gitinsight.deploy.support.Command;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;
import io.gitinsight.deploy.support.Repository;
import io.gitinsight.deploy.support.Yaml;

/** The service images as built, the dependency images as pinned, and the example secrets as committed. */
class ImagesAndSecretsTest {

    static final List<ServiceSpec> SERVICES = Platform.SERVICES;

    private static final Pattern SECRET_NAME = Pattern.compile("(?i).*(PASSWORD|SECRET|TOKEN|KEY).*");

    @ParameterizedTest
    @FieldSource("SERVICES")
    void buildsAJvmFastJarImageOnAPinnedJreThatRunsAsNonRoot(ServiceSpec spec) throws IOException {
        List<String> lines = Files.readAllLines(Repository.path(spec.name()).resolve("src/main/docker/Dockerfile.jvm"))
                .stream().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();

        assertThat(lines).filteredOn(l -> l.startsWith("FROM ")).singleElement().asString()
                .matches("FROM eclipse-temurin:17\\.[0-9._]+-jre");
        assertThat(lines).contains("EXPOSE " + spec.port(), "USER 185")
                .contains("COPY --chown=185:185 target/quarkus-app/lib/ /deployments/lib/",
                        "COPY --chown=185:185 target/quarkus-app/app/ /deployments/app/",
                        "COPY --chown=185:185 target/quarkus-app/quarkus/ /deployments/quarkus/");
        assertThat(lines).last().asString().contains("exec java").contains("/deployments/quarkus-run.jar");
    }

    @Test
    void runsTheSamePinnedDependencyImagesInComposeAndInTheDevCluster() {
        JsonNode compose = Yaml.document(Repository.path("docker-compose.yml")).required("services");
        Map<String, String> inCompose = new TreeMap<>();
        for (String service : List.of("postgres", "redis", "rabbitmq")) {
            inCompose.put(service, compose.required(service).required("image").asText());
        }
        Map<String, String> inDev = new TreeMap<>();
        for (StatefulSet set : Overlay.of("dev").all(StatefulSet.class)) {
            String container = set.getSpec().getTemplate().getSpec().getContainers().get(0).getName();
            inDev.put(container, set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage());
        }

        assertThat(inDev).isEqualTo(inCompose);
        assertThat(inCompose.values()).allMatch(image -> image.matches("[a-z]+:[0-9]+(\\.[0-9]+)+[-a-z]*"));
        assertThat(compose.at("/prometheus/image").asText()).matches("prom/prometheus:v[0-9]+\\.[0-9]+\\.[0-9]+");
    }

    @Test
    void commitsOnlyPlaceholdersForSecrets() throws IOException {
        List<Path> examples = List.of(Repository.path(".env.example"),
                Repository.path("k8s/overlays/dev/secrets/app.env.example"),
                Repository.path("k8s/overlays/dev/secrets/postgres.env.example"),
                Repository.path("k8s/overlays/dev/secrets/rabbitmq.env.example"));
        int secrets = 0;
        for (Path example : examples) {
            for (String line : Files.readAllLines(example)) {
                int eq = line.indexOf('=');
                if (line.startsWith("#") || eq < 0 || !SECRET_NAME.matcher(line.substring(0, eq)).matches()) {
                    continue;
                }
                secrets++;
                assertThat(line.substring(eq + 1)).as(example.getFileName() + " " + line)
                        .satisfiesAnyOf(v -> assertThat(v).isEmpty(), v -> assertThat(v).startsWith("change-me"));
            }
        }
        // .env.example: POSTGRES_PASSWORD, RABBITMQ_PASSWORD, TOKEN_ENCRYPTION_KEY, INTERNAL_SERVICE_TOKEN,
        // GITHUB_TOKEN, GITHUB_CLIENT_SECRET, GITHUB_WEBHOOK_SECRET (7); app.env: the last five (5); the
        // postgres and rabbitmq env files: one password each (2)
        assertThat(secrets).isEqualTo(14);
    }

    @Test
    void keepsTheRealSecretFilesOutOfGit() {
        assumeGit();
        for (String file : List.of(".env", "k8s/overlays/dev/secrets/app.env", "k8s/overlays/dev/secrets/postgres.env",
                "k8s/overlays/dev/secrets/rabbitmq.env")) {
            Command.Result ignored = Command.run(Repository.root(), List.of("git", "check-ignore", "-q", file));
            assertThat(ignored.exitCode()).as(file + " is git-ignored").isZero();
        }
        Command.Result example = Command.run(Repository.root(), List.of("git", "check-ignore", "-q", ".env.example"));
        assertThat(example.exitCode()).as(".env.example is committed").isEqualTo(1);
    }

    private static void assumeGit() {
        Assumptions.assumeTrue(Files.isDirectory(Repository.path(".git"))
                || Files.isRegularFile(Repository.path(".git")), "not a git checkout");
    }
}
