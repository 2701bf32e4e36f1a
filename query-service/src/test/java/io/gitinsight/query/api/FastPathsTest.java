package io.gitinsight.query.api;

import static io.gitinsight.query.support.ApiAssertions.assertError;
import static io.gitinsight.query.support.ApiAssertions.assertInvalid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.MetricsJson;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class FastPathsTest {

    private static final Instant COMPUTED = Instant.parse("2024-07-01T12:00:00Z");
    private final String tag = "qfast" + UUID.randomUUID().toString().substring(0, 8);
    private final List<UUID> seeded = new java.util.ArrayList<>();
    @Inject
    Vertx vertx;

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(seeded.toArray(UUID[]::new));
    }

    @Test
    void summarizesARepositoryOnOneScreen() {
        UUID repo = seed(RepositoryRow.named("octo/" + tag).description("Summary target").stars(42));
        MetricsJson.insert(repo, "90d", COMPUTED, MetricsJson.of(repo, "90d", COMPUTED, 321));
        for (int day = 1; day <= 4; day++) {
            AnalysisRows.insight(repo, "type" + day, Instant.parse("2024-03-0" + day + "T00:00:00Z"), 0.5, "insight " + day);
        }

        JsonPath summary = given().get("/fast/repositories/" + repo + "/summary").then().statusCode(200).extract()
                .jsonPath();

        assertThat(summary.getString("repository.full_name")).isEqualTo("octo/" + tag);
        assertThat(summary.getInt("repository.stars")).isEqualTo(42);
        assertThat(summary.getString("repository.analysis_status")).isEqualTo("pending");
        assertThat(summary.getMap("metrics")).containsEntry("window", "90d").containsEntry("computed_at",
                "2024-07-01T12:00:00Z").containsEntry("commit_count", 321).containsEntry("contributors", 7)
                .containsEntry("bus_factor", 2).containsEntry("prs_merged", 10)
                .containsEntry("prs_median_cycle_time_hours", 30.5f).containsEntry("deployment_frequency_per_week", 1.5f);
        assertThat(summary.getInt("insights.total")).isEqualTo(4);
        assertThat(summary.getList("insights.latest.title", String.class)).containsExactly("insight 4", "insight 3",
                "insight 2");
        assertError(given().get("/fast/repositories/" + UUID.randomUUID() + "/summary"), 404, "REPOSITORY_NOT_FOUND");
        assertInvalid(given().get("/fast/repositories/nope/summary"), "id");
    }

    @Test
    void searchesNamesAndDescriptionsForgivingTypos() {
        UUID parser = seed(RepositoryRow.named("octo/" + tag + "-parser").description("Streaming JSON parser").stars(10));
        UUID server = seed(RepositoryRow.named("acme/" + tag + "-server").description("HTTP server").language("Go")
                .stars(99));

        assertThat(ids(given().queryParam("q", tag))).containsExactly(server.toString(), parser.toString());
        assertThat(ids(given().queryParam("q", tag).queryParam("language", "go"))).containsExactly(server.toString());
        assertThat(ids(given().queryParam("q", tag).queryParam("limit", 1))).containsExactly(server.toString());
        // one letter dropped: no substring match, but the trigrams still find it
        JsonPath fuzzy = given().queryParam("q", tag + "-parsr").get("/fast/search").then().statusCode(200).extract()
                .jsonPath();
        assertThat(fuzzy.getString("data[0].id")).isEqualTo(parser.toString());
        assertThat(fuzzy.getDouble("data[0].score")).isBetween(0.6, 1.0);
        assertInvalid(given().get("/fast/search"), "q");
        assertInvalid(given().queryParam("q", "x").queryParam("limit", 0).get("/fast/search"), "limit");
        assertInvalid(given().queryParam("q", "x").queryParam("limit", 101).get("/fast/search"), "limit");
    }

    @Test
    void trendsByCommitGrowthOverTheWindow() {
        Instant today = java.time.LocalDate.now(java.time.ZoneOffset.UTC).atStartOfDay(java.time.ZoneOffset.UTC)
                .toInstant();
        UUID rising = seed(RepositoryRow.named("octo/" + tag + "-rising"));
        UUID newcomer = seed(RepositoryRow.named("octo/" + tag + "-new"));
        UUID fading = seed(RepositoryRow.named("octo/" + tag + "-fading"));
        // window 7d: this week is [today - 6 d, tomorrow), the week before [today - 13 d, today - 6 d)
        day(rising, today, 5);
        day(rising, today.minusSeconds(3 * 86400), 15);
        day(rising, today.minusSeconds(10 * 86400), 2);
        day(rising, today.minusSeconds(14 * 86400), 100);
        day(newcomer, today.minusSeconds(6 * 86400), 4);
        day(fading, today.minusSeconds(2 * 86400), 5);
        day(fading, today.minusSeconds(9 * 86400), 10);

        List<Map<String, Object>> entries = given().queryParam("window", "7d").queryParam("limit", 100)
                .get("/fast/trending").then().statusCode(200).extract().jsonPath().getList("data");
        List<Object> ours = entries.stream().filter(e -> e.get("full_name").toString().contains(tag))
                .map(e -> (Object) e.get("full_name")).toList();

        assertThat(ours).containsExactly("octo/" + tag + "-rising", "octo/" + tag + "-new");
        Map<String, Object> first = entries.stream().filter(e -> e.get("id").equals(rising.toString())).findFirst()
                .orElseThrow();
        // current 5 + 15 = 20, previous 2 (the 100 is before both weeks): (20 - 2) / (2 + 1) = 6
        assertThat(first).containsEntry("current", 20).containsEntry("previous", 2).containsEntry("growth", 6.0f);
        Map<String, Object> second = entries.stream().filter(e -> e.get("id").equals(newcomer.toString())).findFirst()
                .orElseThrow();
        assertThat(second).containsEntry("current", 4).containsEntry("previous", 0).containsEntry("growth", 4.0f);
    }

    @Test
    void rollsUpAcrossRepositories() {
        String language = "Qlang" + tag;
        UUID repo = seed(RepositoryRow.named("octo/" + tag + "-overview").language(language));
        var all = MetricsJson.of(repo, "all", COMPUTED, 10);
        all.putObject("loc_by_language").put(language, 777);
        MetricsJson.insert(repo, "all", COMPUTED, all);
        MetricsJson.insert(repo, "90d", COMPUTED, MetricsJson.of(repo, "90d", COMPUTED, 4_000_000_000L));
        Events.completedAndSeen(vertx, repo);

        JsonPath overview = given().get("/metrics/overview").then().statusCode(200).extract().jsonPath();

        assertThat(overview.getMap("most_active[0]")).containsEntry("id", repo.toString())
                .containsEntry("commits_90d", 4_000_000_000L);
        assertThat(overview.getList("per_language.findAll { it.language == '" + language + "' }"))
                .containsExactly(Map.of("language", language, "repositories", 1, "loc", 777));
        assertThat(overview.getLong("totals.repositories")).isPositive();
        assertThat(overview.getLong("totals.loc")).isGreaterThanOrEqualTo(5400);
    }

    private UUID seed(RepositoryRow row) {
        UUID id = row.insert();
        seeded.add(id);
        return id;
    }

    private static void day(UUID repo, Instant t, double commits) {
        AnalysisRows.point(repo, "commits", "day", "actual", t, commits, null, null);
    }

    private static List<String> ids(io.restassured.specification.RequestSpecification request) {
        return request.get("/fast/search").then().statusCode(200).extract().jsonPath().getList("data.id", String.class);
    }
}
