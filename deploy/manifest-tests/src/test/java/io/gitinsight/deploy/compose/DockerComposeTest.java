package io.gitinsight.deploy.compose;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.deploy.support.Command;
import io.gitinsight.deploy.support.Platform;
import io.gitinsight.deploy.support.Platform.ServiceSpec;
import io.gitinsight.deploy.support.Repository;
import io.gitinsight.deploy.support.RequiredEnvironment;
import io.gitinsight.deploy.support.Yaml;

/**
 * docker-compose.yml as {@code docker-compose config} resolves it with the committed .env.example: valid,
 * complete for every service, closed to the outside but for the gateway and the local management UIs.
 */
class DockerComposeTest {

    private static JsonNode services;

    /** docker-compose with only the given env file: nothing set on this machine leaks into the result. */
    static Command.Result compose(Path envFile, String... args) {
        List<String> command = new ArrayList<>(List.of("docker-compose", "--env-file", envFile.toString(), "-f",
                Repository.path("docker-compose.yml").toString()));
        command.addAll(List.of(args));
        return Command.run(Repository.root(), command, Map.of());
    }

    @BeforeAll
    static void resolveTheComposeFile() {
        Command.Result config = compose(Repository.path(".env.example"), "config");
        assertThat(config.exitCode()).as(config.output()).isZero();
        services = Yaml.documents(config.output()).get(0).required("services");
    }

    @Test
    void passesDockerComposeConfigWithTheCommittedExampleEnvFile() {
        Command.Result quiet = compose(Repository.path(".env.example"), "config", "-q");

        assertThat(quiet.exitCode()).as(quiet.output()).isZero();
        assertThat(quiet.output()).isEmpty();
    }

    @Test
    void refusesToRunWithoutTheSecretsOfAnEnvFile(@TempDir Path dir) throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.env"), "");

        Command.Result config = compose(empty, "config", "-q");

        assertThat(config.exitCode()).isNotZero();
        assertThat(config.output()).contains("set POSTGRES_PASSWORD in .env (see .env.example)");
    }

    @Test
    void hasNoObsoleteVersionKey() {
        assertThat(Yaml.document(Repository.path("docker-compose.yml")).has("version")).isFalse();
    }

    @Test
    void runsThePlatformAndItsDependencies() {
        Set<String> names = new TreeSet<>();
        services.fieldNames().forEachRemaining(names::add);

        assertThat(names).containsExactlyInAnyOrder("postgres", "redis", "rabbitmq", "prometheus", "api-gateway",
                "auth-service", "ingestion-service", "analysis-service", "query-service");
    }

    @Test
    void publishesOnlyTheGatewayAndOnLocalhostTheManagementUis() {
        Map<String, List<String>> published = new TreeMap<>();
        services.fields().forEachRemaining(e -> {
            List<String> ports = new ArrayList<>();
            e.getValue().path("ports").forEach(p -> ports.add(normalize(p)));
            if (!ports.isEmpty()) {
                published.put(e.getKey(), ports);
            }
        });

        assertThat(published).isEqualTo(Map.of("api-gateway", List.of("*:8080->8080"), "rabbitmq",
                List.of("127.0.0.1:15672->15672"), "prometheus", List.of("127.0.0.1:9090->9090")));
    }

    /** docker-compose writes a port as "127.0.0.1:9090:9090/tcp" or as {published, target}. */
    private static String normalize(JsonNode port) {
        if (port.isObject()) {
            return port.path("host_ip").asText("*") + ":" + port.path("published").asText() + "->"
                    + port.path("target").asText();
        }
        String[] parts = port.asText().replace("/tcp", "").split(":");
        String host = parts.length == 3 ? parts[0] : "*";
        return host + ":" + parts[parts.length - 2] + "->" + parts[parts.length - 1];
    }

    @Test
    void givesEveryServiceTheEnvironmentItRequires() {
        for (ServiceSpec spec : Platform.SERVICES) {
            JsonNode env = services.required(spec.name()).required("environment");
            Set<String> names = new TreeSet<>();
            env.fieldNames().forEachRemaining(names::add);

            assertThat(names).as(spec.name()).containsAll(RequiredEnvironment.of(spec.name()));
            for (ServiceSpec target : Platform.SERVICES) {
                String variable = target.name().replace("-service", "").replace("-", "_").toUpperCase()
                        + "_SERVICE_URL";
                if (env.has(variable)) {
                    assertThat(env.get(variable).asText()).as(spec.name() + " " + variable)
                            .isEqualTo("http://" + target.name() + ":" + target.port());
                }
            }
        }
    }

    @Test
    void checksEveryServicesReadinessAndStartsItAfterItsHealthyDependencies() {
        services.fields().forEachRemaining(e -> assertThat(e.getValue().has("healthcheck")).as(e.getKey()).isTrue());
        Map<String, String> dependencyByVariable = Map.of("DB_URL", "postgres", "REDIS_URL", "redis", "RABBITMQ_PORT",
                "rabbitmq");

        for (ServiceSpec spec : Platform.SERVICES) {
            JsonNode service = services.required(spec.name());
            String check = String.join(" ", Yaml.MAPPER.convertValue(service.at("/healthcheck/test"), String[].class));
            assertThat(check).as(spec.name()).contains("/dev/tcp/127.0.0.1/" + spec.port() + " ")
                    .contains("GET /health/ready HTTP/1.0");

            Set<String> expected = new TreeSet<>();
            dependencyByVariable.forEach((variable, dependency) -> {
                if (RequiredEnvironment.of(spec.name()).contains(variable)) {
                    expected.add(dependency);
                }
            });
            Set<String> actual = new TreeSet<>();
            service.path("depends_on").fields().forEachRemaining(d -> {
                assertThat(d.getValue().path("condition").asText()).as(spec.name() + " → " + d.getKey())
                        .isEqualTo("service_healthy");
                actual.add(d.getKey());
            });
            assertThat(actual).as(spec.name()).containsAll(expected);
        }
    }

    @Test
    void keepsStateInNamedVolumes() {
        Map<String, String> stateByService = Map.of("postgres", "postgres-data:/var/lib/postgresql/data:rw", "redis",
                "redis-data:/data:rw", "rabbitmq", "rabbitmq-data:/var/lib/rabbitmq:rw", "prometheus",
                "prometheus-data:/prometheus:rw", "ingestion-service", "git-mirrors:/var/lib/gitinsight/mirrors:rw");

        stateByService.forEach((service, volume) -> {
            List<String> mounts = new ArrayList<>();
            services.required(service).path("volumes").forEach(v -> mounts.add(v.asText()));
            assertThat(mounts).as(service).contains(volume);
        });
        assertThat(services.at("/ingestion-service/environment/INGESTION_DATA_DIR").asText())
                .isEqualTo("/var/lib/gitinsight/mirrors");
    }

    @Test
    void buildsEachServiceFromItsModulesJvmDockerfile() {
        for (ServiceSpec spec : Platform.SERVICES) {
            JsonNode build = services.required(spec.name()).required("build");

            assertThat(Path.of(build.required("context").asText())).isEqualTo(Repository.path(spec.name()));
            assertThat(build.required("dockerfile").asText()).isEqualTo("src/main/docker/Dockerfile.jvm");
        }
    }
}
