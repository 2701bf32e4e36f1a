package io.gitinsight.deploy.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What the deployment tests take as a service's required environment, read from the service itself. */
class RequiredEnvironmentTest {

    @Test
    void readsTheVariablesOfEveryPropertyOutsideTheTestAndDevProfiles(@TempDir Path dir) throws IOException {
        Path properties = dir.resolve("application.properties");
        Files.writeString(properties, """
                quarkus.http.port=${PORT:8001}
                # a comment naming ${NOT_A_SETTING}
                quarkus.datasource.jdbc.url=jdbc:${DB_URL:postgresql://localhost:5432/gitinsight}
                gitinsight.github.graphql.url=${GITHUB_GRAPHQL_URL:${gitinsight.github.api-url}/graphql}
                gitinsight.gateway.system.url=${RABBITMQ_MANAGEMENT_URL:http://${RABBITMQ_HOST:localhost}:15672}
                %test.gitinsight.webhooks.secret=${TEST_ONLY}
                %dev.gitinsight.webhooks.secret=${DEV_ONLY}
                %prod.gitinsight.webhooks.secret=${PROD_ONLY}
                """);

        assertThat(RequiredEnvironment.references(properties)).containsExactly("DB_URL", "GITHUB_GRAPHQL_URL", "PORT",
                "PROD_ONLY", "RABBITMQ_HOST", "RABBITMQ_MANAGEMENT_URL");
    }

    @Test
    void followsTheSharedModulesAServiceDependsOn() {
        // INTERNAL_SERVICE_TOKEN comes from service-support, RABBITMQ_PORT from service-messaging, which the
        // gateway does not use (it reads the management API only)
        assertThat(RequiredEnvironment.of("api-gateway")).contains("INTERNAL_SERVICE_TOKEN", "REDIS_URL")
                .doesNotContain("RABBITMQ_PORT", "DB_URL");
        assertThat(RequiredEnvironment.of("analysis-service")).contains("INTERNAL_SERVICE_TOKEN", "RABBITMQ_PORT",
                "DB_URL", "RULES_FILE", "MAX_SINCE_DAYS");
    }

    @Test
    void addsTheContractsExtrasAndLeavesOutTheKnobsThatAreRightByDefault() {
        assertThat(RequiredEnvironment.of("ingestion-service")).contains("AUTH_SERVICE_URL", "ANALYSIS_SERVICE_URL",
                "INGESTION_DATA_DIR");
        for (Platform.ServiceSpec service : Platform.SERVICES) {
            assertThat(RequiredEnvironment.of(service.name())).as(service.name())
                    .doesNotContainAnyElementsOf(RequiredEnvironment.OPTIONAL.keySet());
        }
    }
}
