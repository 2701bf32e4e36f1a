package io.gitinsight.analysis.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.analysis.Eventually;
import io.gitinsight.analysis.IngestionFake;
import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

@QuarkusTest
@QuarkusTestResource(AuthFake.class)
@QuarkusTestResource(IngestionFake.class)
class UserScoresTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @org.junit.jupiter.api.BeforeAll
    static void numbersAsDoubles() {
        io.restassured.RestAssured.config = io.restassured.RestAssured.config().jsonConfig(io.restassured.config.JsonConfig
                .jsonConfig().numberReturnType(io.restassured.path.json.config.JsonPathConfig.NumberReturnType.DOUBLE));
    }

    @org.junit.jupiter.api.AfterAll
    static void defaultNumbers() {
        io.restassured.RestAssured.reset();
    }

    private final String token = TestTokens.of(UUID.randomUUID(), "lead", Role.USER);

    @Test
    void scoresTrackedAndPublicActivityPerDimensionAndWindow() {
        String login = "scorer-" + UUID.randomUUID().toString().substring(0, 6);
        String tracked = "octo/scored-" + UUID.randomUUID().toString().substring(0, 6);
        seed(login, tracked);
        ObjectNode activity = Json.mapper().createObjectNode().put("login", login);
        var events = activity.putArray("events");
        events.addObject().put("kind", "commit").put("occurred_at", daysAgo(2).toString()).put("repository", login + "/own")
                .put("count", 3);
        // the tracked repository's PR is counted from the facts, not again from GitHub's events
        events.addObject().put("kind", "pr").put("occurred_at", daysAgo(10).toString()).put("repository", tracked)
                .put("count", 1);
        events.addObject().put("kind", "issue").put("occurred_at", daysAgo(100).toString()).put("repository", "other/x")
                .put("count", 1);
        IngestionFake.activity(login, activity);

        String job = as().post("/users/" + login + "/analyze?since=180d&rules=default").then().statusCode(202)
                .body("kind", equalTo("user")).body("login", equalTo(login)).extract().path("id");
        Eventually.until(() -> given().get("/jobs/" + job).then().extract().<String> path("status"),
                s -> s.equals("completed") || s.equals("failed"), WAIT);
        given().get("/jobs/" + job).then().body("status", equalTo("completed"));

        // 30d: commits 2 tracked + 3 own = 5, pr 1, review 1, comment 1, issue 1 (the public issue is 100 days old)
        // code = 1.0 × (5×1 + 1×5) = 10; review = 0.8 × 3 = 2.4; community = 0.5 × (1×2 + 1×1) = 1.5; total 13.9
        given().get("/users/" + login + "/scores?window=30d").then().statusCode(200).body("login", equalTo(login))
                .body("window", equalTo("30d")).body("summary.total", closeTo(13.9, 1e-9))
                .body("summary.top_dimension", equalTo("code")).body("summary.events_by_kind.commit", equalTo(5))
                .body("scores.find { it.dimension == 'code' }.score", closeTo(10.0, 1e-9))
                .body("scores.find { it.dimension == 'review' }.score", closeTo(2.4, 1e-9))
                .body("scores.find { it.dimension == 'community' }.events", equalTo(2));
        // 180d adds the commit of 60 days ago and the public issue: code 11, community 0.5 × (2×2 + 1) = 2.5
        given().get("/users/" + login.toUpperCase() + "/scores?window=180d").then().statusCode(200)
                .body("summary.total", closeTo(15.9, 1e-9)).body("scores.find { it.dimension == 'code' }.score",
                        closeTo(11.0, 1e-9));
    }

    @Test
    void refusesBadRequests() {
        as().post("/users/mona/analyze?since=181d").then().statusCode(400).body("error.details.field", equalTo("since"))
                .body("error.details.max_since_days", equalTo(180));
        as().post("/users/mona/analyze?since=ninety").then().statusCode(400);
        as().post("/users/mona/analyze?rules=mine").then().statusCode(400).body("error.details.field", equalTo("rules"));
        as().post("/users/-nope-/analyze").then().statusCode(400).body("error.details.field", equalTo("login"));
        given().post("/users/mona/analyze").then().statusCode(401);
        given().get("/users/never-analyzed-" + UUID.randomUUID().toString().substring(0, 5) + "/scores").then()
                .statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().get("/users/mona/scores?window=7d").then().statusCode(400).body("error.details.field", equalTo("window"));
    }

    private void seed(String login, String fullName) {
        UUID repo = UUID.randomUUID();
        String email = login + "@example.com";
        exec("INSERT INTO analysis.repositories (id, name, full_name, clone_url) VALUES ($1, 'scored', $2, 'https://x/y.git')",
                Tuple.of(repo, fullName));
        exec("INSERT INTO analysis.contributors (repository_id, login, emails, commits, additions, deletions, share) "
                + "VALUES ($1, $2, ARRAY[$3], 3, 0, 0, 1)", Tuple.of(repo, login, email));
        for (int days : new int[] { 1, 20, 60 }) {
            exec("INSERT INTO analysis.commits (repository_id, sha, parents, author_name, author_email, authored_at, "
                    + "author_offset, committer_name, committer_email, committed_at, message, additions, deletions, "
                    + "files_changed, is_merge) VALUES ($1, $2, '{}', 'S', $3, $4, 0, 'S', $3, $4, 'm', 1, 0, 1, false)",
                    Tuple.of(repo, UUID.randomUUID().toString(), email.toUpperCase(), daysAgo(days).atOffset(ZoneOffset.UTC)));
        }
        exec("INSERT INTO analysis.pull_requests (repository_id, number, title, author, state, created_at) "
                + "VALUES ($1, 1, 't', $2, 'open', $3)", Tuple.of(repo, login, daysAgo(10).atOffset(ZoneOffset.UTC)));
        exec("INSERT INTO analysis.reviews (repository_id, kind, id, pull_request_number, reviewer, state, submitted_at) "
                + "VALUES ($1, 'review', 1, 1, $2, 'APPROVED', $3), ($1, 'comment', 2, 1, $2, 'COMMENTED', $4)",
                Tuple.of(repo, login, daysAgo(5).atOffset(ZoneOffset.UTC), daysAgo(4).atOffset(ZoneOffset.UTC)));
        exec("INSERT INTO analysis.issues (repository_id, number, title, author, state, created_at) "
                + "VALUES ($1, 2, 'bug', $2, 'open', $3)", Tuple.of(repo, login, daysAgo(3).atOffset(ZoneOffset.UTC)));
    }

    private void exec(String sql, Tuple args) {
        pool.preparedQuery(sql).execute(args).await().atMost(WAIT);
    }

    private static Instant daysAgo(int days) {
        return Instant.now().minus(Duration.ofDays(days));
    }

    private RequestSpecification as() {
        return given().header("Authorization", TestTokens.bearer(token));
    }
}
