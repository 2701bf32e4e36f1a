package io.gitinsight.query.api;

import static io.gitinsight.query.support.ApiAssertions.assertInvalid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.MetricsJson;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.mutiny.redis.client.Command;
import io.vertx.mutiny.redis.client.Redis;
import io.vertx.mutiny.redis.client.Request;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class LeaderboardTest {

    private static final Instant COMPUTED = Instant.parse("2024-07-01T12:00:00Z");
    private final String tag = "qboard" + UUID.randomUUID().toString().substring(0, 8);
    @Inject
    io.vertx.core.Vertx vertx;
    @Inject
    Redis redis;
    private UUID small;
    private UUID large;

    @BeforeEach
    void seed() {
        small = RepositoryRow.named("octo/" + tag + "-small").insert();
        large = RepositoryRow.named("octo/" + tag + "-large").insert();
        // far above anything else in the test database, so these two lead
        var smallMetrics = MetricsJson.of(small, "180d", COMPUTED, 3_000_000_001L);
        smallMetrics.with("pull_requests").put("merged", 900_000_002);
        var largeMetrics = MetricsJson.of(large, "180d", COMPUTED, 3_000_000_002L);
        largeMetrics.with("pull_requests").put("merged", 900_000_001);
        MetricsJson.insert(small, "180d", COMPUTED, smallMetrics);
        MetricsJson.insert(large, "180d", COMPUTED, largeMetrics);
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(small, large);
    }

    @Test
    void ranksByTheChosenMetricOnceAnalysesComplete() {
        Events.completedAndSeen(vertx, small);
        Events.completedAndSeen(vertx, large);

        JsonPath commits = board("commits", 2);
        assertThat(commits.getString("metric")).isEqualTo("commits");
        assertThat(commits.getString("window")).isEqualTo("180d");
        assertThat(commits.getList("data")).hasSize(2);
        assertThat(commits.getMap("data[0]")).containsEntry("rank", 1).containsEntry("repository_id", large.toString())
                .containsEntry("full_name", "octo/" + tag + "-large").containsEntry("value", 3_000_000_002L);
        assertThat(commits.getMap("data[1]")).containsEntry("rank", 2).containsEntry("repository_id", small.toString());
        // by merged pull requests (a nested figure) the order turns round
        assertThat(board("prs_merged", 2).getList("data.repository_id", String.class)).containsExactly(small.toString(),
                large.toString());
    }

    @Test
    void rebuildsAMissingLeaderboardFromTheSnapshots() {
        var churn = MetricsJson.of(large, "180d", COMPUTED, 1);
        churn.put("code_churn", 8_000_000_000L);
        MetricsJson.insert(large, "180d", COMPUTED, churn);
        // an event for the other repository retires cached answers but leaves large's new churn unseen
        Events.completedAndSeen(vertx, small);
        redis("DEL", "lb:churn:180d");
        redis("DEL", "lb-built:churn:180d");

        JsonPath rebuilt = board("churn", 3);

        assertThat(rebuilt.getMap("data[0]")).containsEntry("repository_id", large.toString()).containsEntry("value",
                8_000_000_000L);
        assertThat(redis("EXISTS", "lb:churn:180d")).isEqualTo(1);
        assertThat(redis("EXISTS", "lb-built:churn:180d")).isEqualTo(1);
    }

    private int redis(String command, String key) {
        return redis.send(Request.cmd(Command.create(command)).arg("gitinsight:query-test:" + key)).await()
                .indefinitely().toInteger();
    }

    @Test
    void dropsADeletedRepositoryFromTheSetsOnTheWay() {
        UUID gone = RepositoryRow.named("octo/" + tag + "-gone").insert();
        MetricsJson.insert(gone, "180d", COMPUTED, MetricsJson.of(gone, "180d", COMPUTED, 3_000_000_003L));
        Events.completedAndSeen(vertx, gone);
        Events.completedAndSeen(vertx, large);
        Db.deleteRepositories(gone);
        // any completed analysis retires the cached leaderboards
        Events.completedAndSeen(vertx, small);

        assertThat(board("commits", 2).getList("data.repository_id", String.class)).containsExactly(large.toString(),
                small.toString());
        assertThat(redis.send(Request.cmd(Command.ZSCORE).arg("gitinsight:query-test:lb:commits:180d")
                .arg(gone.toString())).await().indefinitely()).isNull();
    }

    @Test
    void refusesUnknownMetricsWindowsAndLimits() {
        assertInvalid(given().queryParam("metric", "stars").get("/fast/leaderboard"), "metric");
        assertInvalid(given().queryParam("window", "7d").get("/fast/leaderboard"), "window");
        assertInvalid(given().queryParam("limit", 101).get("/fast/leaderboard"), "limit");
        assertInvalid(given().queryParam("limit", 0).get("/fast/leaderboard"), "limit");
    }

    private static JsonPath board(String metric, int limit) {
        return given().queryParam("metric", metric).queryParam("window", "180d").queryParam("limit", limit)
                .get("/fast/leaderboard").then().statusCode(200).extract().jsonPath();
    }
}
