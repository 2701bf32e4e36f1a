package io.gitinsight.query.api;

import static io.gitinsight.query.support.ApiAssertions.assertError;
import static io.gitinsight.query.support.ApiAssertions.assertInvalid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.PullRequestRow;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class RepositoryDetailsTest {

    private UUID repo;
    private UUID empty;

    @BeforeEach
    void seed() {
        repo = RepositoryRow.named("octo/details-" + UUID.randomUUID()).insert();
        empty = RepositoryRow.named("octo/empty-" + UUID.randomUUID()).insert();
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(repo, empty);
    }

    @Test
    void servesTheSeriesAndItsForecast() {
        AnalysisRows.point(repo, "commits", "week", "actual", Instant.parse("2024-01-01T00:00:00Z"), 3, null, null);
        AnalysisRows.point(repo, "commits", "week", "actual", Instant.parse("2024-01-08T00:00:00Z"), 5, null, null);
        AnalysisRows.point(repo, "commits", "week", "forecast", Instant.parse("2024-01-15T00:00:00Z"), 6, 4.5, 7.5);
        AnalysisRows.point(repo, "commits", "day", "actual", Instant.parse("2024-01-01T00:00:00Z"), 1, null, null);
        AnalysisRows.point(repo, "churn", "week", "actual", Instant.parse("2024-01-01T00:00:00Z"), 99, null, null);

        JsonPath trend = given().queryParam("metric", "commits").queryParam("interval", "week")
                .get("/repositories/" + repo + "/trends").then().statusCode(200).extract().jsonPath();

        assertThat(trend.getString("metric")).isEqualTo("commits");
        assertThat(trend.getString("interval")).isEqualTo("week");
        assertThat(trend.getList("points.t", String.class)).containsExactly("2024-01-01T00:00:00Z",
                "2024-01-08T00:00:00Z");
        assertThat(trend.getList("points.value", Float.class)).containsExactly(3f, 5f);
        assertThat(trend.getMap("points[0]")).doesNotContainKeys("low", "high");
        assertThat(trend.getMap("forecast[0]")).containsEntry("t", "2024-01-15T00:00:00Z").containsEntry("value", 6.0f)
                .containsEntry("low", 4.5f).containsEntry("high", 7.5f);
        // since cuts the actual points, never the forecast
        JsonPath recent = given().queryParam("since", "2024-01-05").get("/repositories/" + repo + "/trends").then()
                .statusCode(200).extract().jsonPath();
        assertThat(recent.getList("points.t", String.class)).containsExactly("2024-01-08T00:00:00Z");
        assertThat(recent.getList("forecast")).hasSize(1);
    }

    @Test
    void refusesUnknownTrendMetricsAndIntervals() {
        assertInvalid(given().queryParam("metric", "stars").get("/repositories/" + repo + "/trends"), "metric");
        assertInvalid(given().queryParam("interval", "year").get("/repositories/" + repo + "/trends"), "interval");
        assertError(given().get("/repositories/" + UUID.randomUUID() + "/trends"), 404, "REPOSITORY_NOT_FOUND");
        JsonPath none = given().get("/repositories/" + empty + "/trends").then().statusCode(200).extract().jsonPath();
        assertThat(none.getList("points")).isEmpty();
    }

    @Test
    void listsThePeopleByCommitsWithoutBots() {
        AnalysisRows.contributor(repo, "grace", false, 30, 0.6);
        AnalysisRows.contributor(repo, "dependabot[bot]", true, 90, 0);
        AnalysisRows.contributor(repo, "ada", false, 20, 0.4);

        JsonPath people = given().get("/repositories/" + repo + "/contributors").then().statusCode(200).extract()
                .jsonPath();

        assertThat(people.getList("login", String.class)).containsExactly("grace", "ada");
        assertThat(people.getMap("[0]")).containsEntry("commits", 30).containsEntry("additions", 300)
                .containsEntry("deletions", 120).containsEntry("prs_opened", 2).containsEntry("reviews_given", 3)
                .containsEntry("first_commit", "2023-01-01T00:00:00Z").containsEntry("last_commit", "2024-01-01T00:00:00Z")
                .containsEntry("share", 0.6f);
        assertThat(given().get("/repositories/" + empty + "/contributors").then().statusCode(200).extract().asString())
                .isEqualTo("[]");
        assertError(given().get("/repositories/" + UUID.randomUUID() + "/contributors"), 404, "REPOSITORY_NOT_FOUND");
    }

    @Test
    void pagesPullRequestsWithTheirPhasesFilteredByStateAndAuthor() {
        PullRequestRow.of(repo, 1).author("Ada").created(Instant.parse("2024-02-01T00:00:00Z"))
                .merged(Instant.parse("2024-02-02T00:00:00Z"), 5, 1, 2).deployed(Instant.parse("2024-02-02T06:00:00Z"))
                .insert();
        PullRequestRow.of(repo, 2).author("grace").created(Instant.parse("2024-02-03T00:00:00Z")).insert();
        PullRequestRow.of(repo, 3).author("ada").created(Instant.parse("2024-02-04T00:00:00Z")).closed().insert();

        JsonPath merged = given().queryParam("state", "merged").get("/repositories/" + repo + "/pulls").then()
                .statusCode(200).extract().jsonPath();
        assertThat(merged.getList("data.number", Integer.class)).containsExactly(1);
        // coding 5 + pickup 1 + review 2 + deploy 6 (merged 02T00:00 → deployed 02T06:00)
        assertThat(merged.getMap("data[0].phases")).containsEntry("coding", 5.0f).containsEntry("pickup", 1.0f)
                .containsEntry("review", 2.0f).containsEntry("deploy", 6.0f);
        assertThat(merged.getFloat("data[0].cycle_time_hours")).isEqualTo(14.0f);
        assertThat(merged.getFloat("data[0].time_to_first_review_hours")).isEqualTo(1.0f);

        assertThat(numbers("author", "ADA")).containsExactly(3, 1);
        assertThat(numbers("state", "open")).containsExactly(2);
        JsonPath paged = given().queryParam("page_size", 1).queryParam("page", 3).get("/repositories/" + repo + "/pulls")
                .then().statusCode(200).extract().jsonPath();
        assertThat(paged.getList("data.number", Integer.class)).containsExactly(1);
        assertThat(paged.getInt("pagination.total_pages")).isEqualTo(3);
        assertInvalid(given().queryParam("state", "draft").get("/repositories/" + repo + "/pulls"), "state");
        assertInvalid(given().queryParam("page_size", 101).get("/repositories/" + repo + "/pulls"), "page_size");
        assertError(given().get("/repositories/" + UUID.randomUUID() + "/pulls"), 404, "REPOSITORY_NOT_FOUND");
    }

    private java.util.List<Integer> numbers(String param, String value) {
        return given().queryParam(param, value).get("/repositories/" + repo + "/pulls").then().statusCode(200).extract()
                .jsonPath().getList("data.number", Integer.class);
    }
}
