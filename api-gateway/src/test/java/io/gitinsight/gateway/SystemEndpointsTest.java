package io.gitinsight.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class SystemEndpointsTest {

    @Inject
    RedisCounters counters;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @AfterEach
    void bringEverythingBack() {
        FakeBackends.ingestion().down(false);
        FakeBackends.query().databaseDown(false);
        FakeBackends.rabbit().available(true);
    }

    @Test
    void reportsEachServiceAndDependencyWithVersionAndLatency() {
        JsonPath status = Callers.as(Role.ADMIN).get("/api/v1/system/status").then().statusCode(200).extract()
                .jsonPath();

        assertThat(status.getString("status")).isEqualTo("degraded");
        Map<String, Object> auth = entry(status.getList("services"), "auth-service");
        assertThat(auth).containsEntry("status", "up").containsEntry("version", "1.2.3-auth");
        assertThat((Integer) auth.get("latency_ms")).isNotNegative();
        assertThat(entry(status.getList("services"), "query-service")).containsEntry("status", "up");
        assertThat(entry(status.getList("services"), "down-service")).containsEntry("status", "down")
                .containsKey("error");
        Map<String, Object> redis = entry(status.getList("dependencies"), "redis");
        assertThat(redis).containsEntry("status", "up");
        assertThat((String) redis.get("version")).matches("\\d+\\.\\d+.*");
        assertThat(entry(status.getList("dependencies"), "rabbitmq")).containsEntry("status", "up")
                .containsEntry("version", "3.12.1");
        // PostgreSQL as the services see it: each one that answered checks its connections
        Map<String, Object> postgres = entry(status.getList("dependencies"), "postgresql");
        assertThat(postgres).containsEntry("status", "up");
        assertThat((Integer) postgres.get("latency_ms")).isNotNegative();
        assertThat((List<Object>) postgres.get("seen_by")).contains("auth-service", "query-service", "ingestion-service")
                .doesNotContain("down-service");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsPostgresDownWhenAServiceCannotReachIt() {
        FakeBackends.query().databaseDown(true);

        JsonPath status = Callers.as(Role.ADMIN).get("/api/v1/system/status").then().statusCode(200).extract()
                .jsonPath();

        assertThat(status.getString("status")).isEqualTo("degraded");
        Map<String, Object> postgres = entry(status.getList("dependencies"), "postgresql");
        assertThat(postgres).containsEntry("status", "down").containsEntry("error", "unreachable from query-service");
        assertThat((List<Object>) entry(status.getList("services"), "query-service").get("checks_down"))
                .containsExactly("Reactive PostgreSQL connections health check");
    }

    @Test
    @SuppressWarnings("unchecked")
    void reportsAServiceWhoseReadinessFailsAsDownWithTheFailingChecks() {
        FakeBackends.ingestion().down(true);

        JsonPath status = Callers.as(Role.ADMIN).get("/api/v1/system/status").then().statusCode(200).extract()
                .jsonPath();

        Map<String, Object> ingestion = entry(status.getList("services"), "ingestion-service");
        assertThat(ingestion).containsEntry("status", "down").containsEntry("version", "1.2.3-ingestion");
        assertThat((List<Object>) ingestion.get("checks_down")).containsExactly("Redis connection health check");
    }

    @Test
    void reportsRequestRatesQueueDepthsAndRunningJobs() {
        Callers.guest().get("/api/v1/repositories").then().statusCode(200);

        JsonPath stats = Callers.as(Role.ADMIN).get("/api/v1/system/stats").then().statusCode(200).extract().jsonPath();

        assertThat(stats.getLong("requests.total")).isPositive();
        assertThat(stats.getLong("requests.by_backend.query")).isPositive();
        assertThat(stats.getLong("requests.by_status.2xx")).isPositive();
        assertThat(stats.getDouble("requests.per_second_since_start")).isPositive();
        assertThat(stats.getList("queues.name")).containsExactly("analysis.ingested", "gitinsight.dlq");
        assertThat(stats.getInt("queues[0].messages")).isEqualTo(7);
        assertThat(stats.getString("queues_unavailable_reason")).isNull();
        assertThat(stats.getInt("jobs.running")).isEqualTo(2);
        assertThat(stats.getInt("jobs.queued")).isEqualTo(1);
        assertThat(stats.getInt("jobs.sample_size")).isEqualTo(4);
    }

    @Test
    void reportsQueuesAsNullWithTheReasonWhenTheManagementApiIsUnavailable() {
        FakeBackends.rabbit().available(false);

        JsonPath stats = Callers.as(Role.ADMIN).get("/api/v1/system/stats").then().statusCode(200).extract().jsonPath();

        assertThat(stats.getList("queues")).isNull();
        assertThat(stats.getString("queues_unavailable_reason")).contains("503");
        assertThat(stats.getInt("jobs.running")).isEqualTo(2);
    }

    @Test
    void mergesTheOpenApiDocumentsOfTheServicesThatPublishOne() {
        JsonPath merged = Callers.guest().get("/api/v1/openapi.json").then().statusCode(200).extract().jsonPath();

        assertThat(merged.getString("openapi")).startsWith("3.");
        assertThat(merged.getMap("paths")).containsOnlyKeys("/api/v1/repositories");
        assertThat(merged.getMap("components.schemas")).containsKey("Repository");
        assertThat(merged.getString("x-gitinsight-sources.query")).isEqualTo("included");
        assertThat(merged.getString("x-gitinsight-sources.auth")).startsWith("left out");
        Callers.guest().get("/api/v1/openapi/query").then().statusCode(200);
        ErrorAnswers.assertError(Callers.guest().get("/api/v1/openapi/nothing"), 404, "NOT_FOUND");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> entry(List<Object> entries, String name) {
        return entries.stream().map(e -> (Map<String, Object>) e).filter(e -> name.equals(e.get("name"))).findFirst()
                .orElseThrow(() -> new AssertionError(name + " missing from " + entries));
    }
}
