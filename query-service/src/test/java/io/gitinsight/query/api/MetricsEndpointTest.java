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

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.json.Json;
import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.MetricsJson;
import io.gitinsight.query.support.PullRequestRow;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class MetricsEndpointTest {

    private static final Instant COMPUTED = Instant.parse("2024-07-01T12:00:00Z");
    private UUID repo;
    private UUID unanalyzed;
    private ObjectNode ninety;
    private ObjectNode all;

    @BeforeEach
    void seed() {
        repo = RepositoryRow.named("octo/metrics-" + UUID.randomUUID()).insert();
        unanalyzed = RepositoryRow.named("octo/fresh-" + UUID.randomUUID()).insert();
        ninety = MetricsJson.of(repo, "90d", COMPUTED, 321);
        all = MetricsJson.of(repo, "all", COMPUTED, 4321);
        MetricsJson.insert(repo, "90d", COMPUTED, ninety);
        MetricsJson.insert(repo, "all", COMPUTED, all);
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(repo, unanalyzed);
    }

    @Test
    void servesTheSnapshotOfTheWindowAsAnalysisWroteIt() throws Exception {
        // equal as JSON: jsonb keeps its own key order
        assertThat(metrics(given())).isEqualTo(Json.mapper().readTree(ninety.toString()));
        assertThat(metrics(given().queryParam("window", "all"))).isEqualTo(Json.mapper().readTree(all.toString()));
        // an until that is the snapshot's own end is the snapshot
        assertThat(metrics(given().queryParam("window", "all").queryParam("until", COMPUTED.toString())))
                .isEqualTo(Json.mapper().readTree(all.toString()));
    }

    @Test
    void tellsAnUnknownRepositoryFromOneNotAnalyzedYet() {
        assertError(given().get("/repositories/" + UUID.randomUUID() + "/metrics"), 404, "REPOSITORY_NOT_FOUND");
        assertError(given().get("/repositories/" + unanalyzed + "/metrics"), 404, "NOT_FOUND").then()
                .body("error.details.window", org.hamcrest.Matchers.equalTo("90d"));
        assertError(given().queryParam("window", "30d").get("/repositories/" + repo + "/metrics"), 404, "NOT_FOUND");
    }

    @Test
    void refusesBadWindowsAndTimes() {
        assertInvalid(given().queryParam("window", "7d").get("/repositories/" + repo + "/metrics"), "window");
        assertInvalid(given().queryParam("until", "yesterday").get("/repositories/" + repo + "/metrics"), "until");
        assertInvalid(given().get("/repositories/42/metrics"), "id");
    }

    @Test
    void computesAWindowEndingAtAnExplicitUntilFromTheFacts() throws Exception {
        seedFacts();

        JsonNode m = metrics(given().queryParam("window", "30d").queryParam("until", "2024-06-01T00:00:00Z"));

        // the window is [2024-05-02T00:00Z, 2024-06-01T00:00Z); the git figures cover the whole history up to its
        // end (CONTRACT §4): c1..c6, not c7 at the end itself
        assertThat(m.get("window").asText()).isEqualTo("30d");
        assertThat(m.get("until").asText()).isEqualTo("2024-06-01T00:00:00Z");
        assertThat(m.get("commit_count").asLong()).isEqualTo(6);
        // non-merge additions 100+10+5+2+1, deletions 100+2+1+10+1; the merge commit c4 counts only as a commit
        assertThat(m.get("additions").asLong()).isEqualTo(118);
        assertThat(m.get("deletions").asLong()).isEqualTo(114);
        assertThat(m.get("code_churn").asLong()).isEqualTo(232);
        // 05-01, 05-02 (twice), 05-10, 05-20, 05-31
        assertThat(m.get("active_days").asLong()).isEqualTo(5);
        // 05-01T23:00:00 → 05-31T23:59:59 is 30 days 00:59:59, i.e. 43259 whole minutes
        assertThat(m.get("time_spent_minutes").asLong()).isEqualTo(43259);
        // reverts are windowed: c5 and c6
        assertThat(m.get("reverts").asLong()).isEqualTo(2);
        assertThat(m.get("hotfixes").asLong()).isEqualTo(1);
        JsonNode prs = m.get("pull_requests");
        assertThat(prs.get("opened").asLong()).isEqualTo(4);
        assertThat(prs.get("merged").asLong()).isEqualTo(3);
        // cycle times 16, 56 (32 + 24 deploy), 48 → median 48; first reviews 2, 4, 6; reviews 4, 8, 12
        assertThat(prs.get("median_cycle_time_hours").asDouble()).isEqualTo(48.0);
        assertThat(prs.get("median_time_to_first_review_hours").asDouble()).isEqualTo(4.0);
        assertThat(prs.get("median_review_time_hours").asDouble()).isEqualTo(8.0);
        assertThat(prs.get("cycle_time_phases").toString())
                .isEqualTo("{\"coding\":20.0,\"pickup\":4.0,\"review\":8.0,\"deploy\":24.0}");
        JsonNode dora = m.get("dora");
        // 3 successful production deployments in 30 days = 3 / (30 / 7) = 0.7 per week
        assertThat(dora.get("deployment_frequency_per_week").asDouble()).isEqualTo(0.7);
        // #2: first commit 05-13T04:00 (created 05-14 minus 20 h coding) → deployed 05-16T00:00 = 68 h
        assertThat(dora.get("lead_time_hours").asDouble()).isEqualTo(68.0);
        // d2 failed; d3 was followed by hotfix #2 (and a revert), d4 by a revert: 3 of 4
        assertThat(dora.get("change_failure_rate").asDouble()).isEqualTo(0.75);
        // d2 finished 05-12T00:05, d3 recovered at 05-13T02:05: 26 h
        assertThat(dora.get("mttr_hours").asDouble()).isEqualTo(26.0);
        // the tip's figures come from the latest 'all' snapshot
        assertThat(m.get("loc").asLong()).isEqualTo(5400);
        assertThat(m.get("loc_by_language")).isEqualTo(all.get("loc_by_language"));
        assertThat(m.get("bus_factor").asInt()).isEqualTo(2);
        assertThat(m.get("contributors").asInt()).isEqualTo(7);
        assertThat(m.get("primary_language").asText()).isEqualTo("Java");

        // a date as until means through the end of that day: the same window
        assertThat(metrics(given().queryParam("window", "30d").queryParam("until", "2024-05-31")).get("commit_count")
                .asLong()).isEqualTo(6);
    }

    @Test
    void countsRevertsAndHotfixesWhenTheyLandedAsAnalysisDoes() throws Exception {
        Instant before = Instant.parse("2024-04-20T00:00:00Z");
        Instant inWindow = Instant.parse("2024-05-20T00:00:00Z");
        // written before the 30-day window, landed in it (committer date): both count
        AnalysisRows.commit(repo, "r1", before, inWindow, "Revert \"Add cache\"", 1, 1, false);
        AnalysisRows.commit(repo, "h1", before, inWindow, "Merge branch 'hotfix/login' into main", 0, 0, true);
        AnalysisRows.commit(repo, "h2", before, inWindow.plusSeconds(60),
                "Merge pull request #9 from octo/hotfix/session", 0, 0, true);
        // written in the window, landed after it: neither counts
        AnalysisRows.commit(repo, "r2", inWindow, Instant.parse("2024-06-02T00:00:00Z"), "Revert \"Tune\"", 1, 1, false);
        // hotfix PR #9 is the same hotfix as its merge commit h2: counted once
        PullRequestRow.of(repo, 9).title("Hotfix session").created(before).merged(inWindow.plusSeconds(60), 1, 1, 1)
                .insert();

        JsonNode m = metrics(given().queryParam("window", "30d").queryParam("until", "2024-06-01T00:00:00Z"));

        assertThat(m.get("reverts").asLong()).isEqualTo(1);
        assertThat(m.get("hotfixes").asLong()).isEqualTo(2);
    }

    private JsonNode metrics(io.restassured.specification.RequestSpecification request) throws Exception {
        String body = request.get("/repositories/" + repo + "/metrics").then().statusCode(200).extract().asString();
        return Json.mapper().readTree(body);
    }

    private void seedFacts() {
        AnalysisRows.commit(repo, "c1", Instant.parse("2024-05-01T23:00:00Z"), "Old work", 100, 100, false);
        AnalysisRows.commit(repo, "c2", Instant.parse("2024-05-02T00:00:00Z"), "Add feature", 10, 2, false);
        AnalysisRows.commit(repo, "c3", Instant.parse("2024-05-02T08:30:00Z"), "Fix bug", 5, 1, false);
        AnalysisRows.commit(repo, "c4", Instant.parse("2024-05-10T12:00:00Z"), "Merge pull request #1", 50, 50, true);
        AnalysisRows.commit(repo, "c5", Instant.parse("2024-05-20T18:00:00Z"), "Revert \"Add feature\"", 2, 10, false);
        AnalysisRows.commit(repo, "c6", Instant.parse("2024-05-31T23:59:59Z"), "Undo\n\nThis reverts commit abcdef1.", 1, 1,
                false);
        AnalysisRows.commit(repo, "c7", Instant.parse("2024-06-01T00:00:00Z"), "After the window", 1000, 1000, false);
        PullRequestRow.of(repo, 1).created(Instant.parse("2024-05-08T00:00:00Z"))
                .merged(Instant.parse("2024-05-10T12:00:00Z"), 10, 2, 4).insert();
        PullRequestRow.of(repo, 2).title("Hotfix login").created(Instant.parse("2024-05-14T00:00:00Z"))
                .merged(Instant.parse("2024-05-15T00:00:00Z"), 20, 4, 8).deployed(Instant.parse("2024-05-16T00:00:00Z"))
                .insert();
        PullRequestRow.of(repo, 3).created(Instant.parse("2024-05-20T00:00:00Z"))
                .merged(Instant.parse("2024-05-21T00:00:00Z"), 30, 6, 12).insert();
        PullRequestRow.of(repo, 4).merged(Instant.parse("2024-04-01T00:00:00Z"), 1000, 1000, 1000).insert();
        PullRequestRow.of(repo, 5).created(Instant.parse("2024-05-25T00:00:00Z")).insert();
        AnalysisRows.deployment(repo, 6, "production", Instant.parse("2024-04-01T00:00:00Z"), "success",
                Instant.parse("2024-04-01T00:10:00Z"));
        AnalysisRows.deployment(repo, 1, "production", Instant.parse("2024-05-05T00:00:00Z"), "success",
                Instant.parse("2024-05-05T00:10:00Z"));
        AnalysisRows.deployment(repo, 5, "staging", Instant.parse("2024-05-06T00:00:00Z"), "success",
                Instant.parse("2024-05-06T00:10:00Z"));
        AnalysisRows.deployment(repo, 2, "production", Instant.parse("2024-05-12T00:00:00Z"), "failure",
                Instant.parse("2024-05-12T00:05:00Z"));
        AnalysisRows.deployment(repo, 3, "production", Instant.parse("2024-05-13T00:00:00Z"), "success",
                Instant.parse("2024-05-13T02:05:00Z"));
        // GitHub keeps an environment's name as typed: analysis matches it ignoring case, so does this path
        AnalysisRows.deployment(repo, 4, "Production", Instant.parse("2024-05-25T00:00:00Z"), "success",
                Instant.parse("2024-05-25T00:10:00Z"));
    }
}
