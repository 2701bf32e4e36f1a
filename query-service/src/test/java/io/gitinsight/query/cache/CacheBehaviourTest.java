package io.gitinsight.query.cache;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.query.repository.DbQueries;
import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.MetricsJson;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.gitinsight.query.support.StreamClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class CacheBehaviourTest {

    private static final Instant COMPUTED = Instant.parse("2024-07-01T12:00:00Z");

    @Inject
    DbQueries queries;
    @Inject
    Vertx vertx;
    private UUID repo;

    @BeforeEach
    void seed() {
        repo = RepositoryRow.named("octo/cache-" + UUID.randomUUID()).insert();
        MetricsJson.insert(repo, "90d", COMPUTED, MetricsJson.of(repo, "90d", COMPUTED, 321));
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(repo);
    }

    @Test
    void answersFromRedisAfterTheFirstReadWithoutTouchingTheDatabase() {
        given().get(summary()).then().statusCode(200).header("X-Cache", "MISS");
        long repositoryQueries = queries.count("repository");
        long snapshotQueries = queries.count("snapshot");

        Response again = given().get(summary());

        again.then().statusCode(200).header("X-Cache", "HIT").header("Cache-Control", "no-cache");
        assertThat(again.jsonPath().getLong("metrics.commit_count")).isEqualTo(321);
        assertThat(queries.count("repository")).isEqualTo(repositoryQueries);
        assertThat(queries.count("snapshot")).isEqualTo(snapshotQueries);
        String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("query_cache_hits_total\\{endpoint=\"summary\"[^}]*} [1-9]")
                .containsPattern("query_cache_misses_total\\{endpoint=\"summary\"[^}]*} [1-9]")
                .contains("query_db_queries_total{query=\"snapshot\"");
    }

    @Test
    void servesFreshDataRightAfterTheAnalysisCompletedEvent() {
        assertThat(commitCount()).isEqualTo(321);
        MetricsJson.insert(repo, "90d", COMPUTED.plusSeconds(60), MetricsJson.of(repo, "90d", COMPUTED, 999));
        // still the cached answer: nothing told the service yet
        assertThat(commitCount()).isEqualTo(321);

        Events.completedAndSeen(vertx, repo);

        assertThat(commitCount()).isEqualTo(999);
        given().get(summary()).then().header("X-Cache", "MISS");
        assertThat(given().get(summary()).jsonPath().getLong("metrics.commit_count")).isEqualTo(999);
    }

    @Test
    void servesNewInsightsRightAfterTheInsightsEvent() {
        AnalysisRows.insight(repo, "hotspot", Instant.parse("2024-03-01T00:00:00Z"), 0.9, "first");
        assertThat(insightTitles()).containsExactly("first");
        UUID second = AnalysisRows.insight(repo, "hotspot", Instant.parse("2024-03-02T00:00:00Z"), 0.9, "second");
        assertThat(insightTitles()).containsExactly("first");

        try (StreamClient stream = StreamClient.connect(vertx, "/stream/repository/" + repo + "/updates", null)) {
            stream.drain(Duration.ofMillis(200));
            Events.insights(repo, second);
            assertThat(stream.next(Duration.ofSeconds(10)).get("type").asText()).isEqualTo("insights.generated");
            assertThat(insightTitles()).containsExactly("second", "first");
        }
    }

    @Test
    void answersNotModifiedToAMatchingEntityTag() {
        Response first = given().get(metricsPath());
        String etag = first.header("ETag");
        assertThat(etag).matches("\"[0-9a-f]{32}\"");

        Response notModified = given().header("If-None-Match", etag).get(metricsPath());
        notModified.then().statusCode(304).header("ETag", etag);
        assertThat(notModified.asString()).isEmpty();
        given().header("If-None-Match", "W/" + etag).get(metricsPath()).then().statusCode(304);
        given().header("If-None-Match", "\"other\", " + etag).get(metricsPath()).then().statusCode(304);
        given().header("If-None-Match", "\"other\"").get(metricsPath()).then().statusCode(200).header("ETag", etag);

        MetricsJson.insert(repo, "90d", COMPUTED, MetricsJson.of(repo, "90d", COMPUTED, 1000));
        Events.completedAndSeen(vertx, repo);
        Response changed = given().header("If-None-Match", etag).get(metricsPath());
        changed.then().statusCode(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
    }

    @Test
    void makesOneDatabaseQueryForABurstOfFiftyConcurrentMisses() throws Exception {
        UUID fresh = RepositoryRow.named("octo/burst-" + UUID.randomUUID()).insert();
        try {
            long before = queries.count("repository");
            ExecutorService pool = Executors.newFixedThreadPool(50);
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Response>> answers = new ArrayList<>();
            for (int i = 0; i < 50; i++) {
                answers.add(pool.submit(() -> {
                    start.await();
                    return given().get("/repositories/" + fresh);
                }));
            }
            start.countDown();
            List<String> etags = new ArrayList<>();
            for (Future<Response> answer : answers) {
                Response response = answer.get();
                assertThat(response.statusCode()).isEqualTo(200);
                etags.add(response.header("ETag"));
            }
            pool.shutdown();

            assertThat(queries.count("repository") - before).isEqualTo(1);
            assertThat(etags).hasSize(50).containsOnly(etags.get(0));
        } finally {
            Db.deleteRepositories(fresh);
        }
    }

    private String summary() {
        return "/fast/repositories/" + repo + "/summary";
    }

    private String metricsPath() {
        return "/repositories/" + repo + "/metrics";
    }

    private long commitCount() {
        return given().get(metricsPath()).then().statusCode(200).extract().jsonPath().getLong("commit_count");
    }

    private List<String> insightTitles() {
        return given().get("/repositories/" + repo + "/insights").then().statusCode(200).extract().jsonPath()
                .getList("data.title", String.class);
    }
}
