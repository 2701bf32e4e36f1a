package io.gitinsight.query.api;

import static io.gitinsight.query.support.ApiAssertions.assertError;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.model.security.Role;
import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.DeliveryRow;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.Eventually;
import io.gitinsight.query.support.MetricsJson;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.gitinsight.query.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import io.vertx.core.Vertx;

/**
 * A private repository exists only for admins and its followers: for guests and other users every read
 * answers 404 REPOSITORY_NOT_FOUND and every list leaves it out; public repositories are unchanged.
 */
@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class PrivateRepositoryAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    /** The owner of {@link TestTokens#PREMIUM_API_KEY}, as the fake auth-service says. */
    private static final UUID KEY_OWNER = UUID.fromString("0b7e9f1a-2c3d-4e5f-8a9b-1c2d3e4f5a6b");

    @Inject
    Vertx vertx;
    private final String tag = "qpriv" + UUID.randomUUID().toString().substring(0, 8);
    private final UUID follower = UUID.randomUUID();
    private RepositoryRow secret;
    private RepositoryRow open;
    private String delivery;

    @BeforeEach
    void seed() {
        Instant analyzed = Instant.parse("2024-03-02T00:00:00Z");
        secret = RepositoryRow.named("octo/" + tag + "-secret").privateRepository().analyzed(analyzed);
        open = RepositoryRow.named("octo/" + tag + "-open").analyzed(analyzed);
        for (RepositoryRow row : List.of(secret, open)) {
            row.insert();
            // the private one would top every ranking if it were counted
            long commits = row == secret ? 9_000_000_000L : 10;
            MetricsJson.insert(row.id, "90d", analyzed, MetricsJson.of(row.id, "90d", analyzed, commits));
            MetricsJson.insert(row.id, "all", analyzed, MetricsJson.of(row.id, "all", analyzed, commits));
            AnalysisRows.contributor(row.id, "octocat", false, 12, 1.0);
            AnalysisRows.insight(row.id, "bus_factor_risk", analyzed, 0.9, "One person knows this code");
        }
        AnalysisRows.follow(follower, secret.id);
        AnalysisRows.follow(KEY_OWNER, secret.id);
        delivery = DeliveryRow.of("push", null).repository(secret.fullName).insert();
    }

    @AfterEach
    void cleanUp() {
        DeliveryRow.delete(delivery);
        Db.deleteRepositories(secret.id, open.id);
    }

    @Test
    void guestsAndOtherUsersFindNoPrivateRepository() {
        for (String bearer : new String[] { null, TestTokens.token(Role.USER), TestTokens.token(Role.PREMIUM) }) {
            for (String path : reads(secret.id)) {
                assertError(as(bearer).get(path), 404, "REPOSITORY_NOT_FOUND");
            }
            for (String path : reads(open.id)) {
                as(bearer).get(path).then().statusCode(200);
            }
        }
        assertError(given().header("Authorization", "Bearer " + TestTokens.token(Role.PREMIUM))
                .get("/repositories/" + secret.id + "/insights/export"), 404, "REPOSITORY_NOT_FOUND");
    }

    @Test
    void followersAdminsAndTheirApiKeysSeeAPrivateRepository() {
        for (RequestSpecification caller : List.of(as(TestTokens.token(Role.USER, follower)),
                as(TestTokens.token(Role.ADMIN)), given().header("X-API-Key", TestTokens.PREMIUM_API_KEY))) {
            for (String path : reads(secret.id)) {
                caller.get(path).then().statusCode(200);
            }
        }
        assertThat(as(TestTokens.token(Role.USER, follower)).get("/repositories/" + secret.id + "/metrics").jsonPath()
                .getString("repository_id")).isEqualTo(secret.id.toString());
        given().header("X-API-Key", TestTokens.PREMIUM_API_KEY).get("/repositories/" + secret.id + "/insights/export")
                .then().statusCode(200);
    }

    @Test
    void listsAndSearchShowAPrivateRepositoryOnlyToThoseWhoSeeIt() {
        for (RequestSpecification outsider : List.of(given(), as(TestTokens.token(Role.USER)))) {
            assertThat(listed(outsider)).containsExactly(open.fullName);
            assertThat(found(outsider)).containsExactly(open.fullName);
        }
        for (RequestSpecification insider : List.of(as(TestTokens.token(Role.USER, follower)),
                as(TestTokens.token(Role.ADMIN)), given().header("X-API-Key", TestTokens.PREMIUM_API_KEY))) {
            assertThat(listed(insider)).containsExactlyInAnyOrder(open.fullName, secret.fullName);
            assertThat(found(insider)).containsExactlyInAnyOrder(open.fullName, secret.fullName);
        }
    }

    @Test
    void overviewAndWebhookAnalyticsLeaveAPrivateRepositoryOut() {
        Events.completedAndSeen(vertx, open.id); // retires any overview cached before the seeding
        assertThat(names(given().get("/metrics/overview").jsonPath().getList("most_active.full_name")))
                .doesNotContain(secret.fullName);
        assertThat(given().queryParam("repository", secret.fullName).get("/webhooks/events").jsonPath()
                .getLong("pagination.total")).isZero();
        assertError(given().get("/webhooks/events/" + delivery), 404, "NOT_FOUND");
    }

    @Test
    void webhookAnalyticsLeaveOutDeliveriesThatGitHubSaysAreAboutAPrivateRepositoryNobodyTracks() {
        String untracked = "octo/" + tag + "-untracked";
        String hidden = DeliveryRow.of("push", null).repository(untracked)
                .payload("{\"repository\": {\"full_name\": \"" + untracked + "\", \"private\": true}}").insert();
        String shown = DeliveryRow.of("push", null).repository(untracked)
                .payload("{\"repository\": {\"full_name\": \"" + untracked + "\", \"private\": false}}").insert();
        try {
            assertThat(given().queryParam("repository", untracked).get("/webhooks/events").jsonPath()
                    .getList("data.delivery_id")).containsExactly(shown);
            assertError(given().get("/webhooks/events/" + hidden), 404, "NOT_FOUND");
            given().get("/webhooks/events/" + shown).then().statusCode(200);
        } finally {
            DeliveryRow.delete(hidden, shown);
        }
    }

    @Test
    void followingAndUnfollowingChangeWhoSeesAPrivateRepository() {
        UUID user = UUID.randomUUID();
        String token = TestTokens.token(Role.USER, user);
        String path = "/repositories/" + secret.id;
        assertError(as(token).get(path), 404, "REPOSITORY_NOT_FOUND");

        assertThat(listed(as(token))).containsExactly(open.fullName);

        AnalysisRows.follow(user, secret.id);
        Events.followed(user, secret.id, true);
        Eventually.until("the new follower sees the repository", WAIT, () -> as(token).get(path).statusCode() == 200);
        Eventually.until("the new follower's list shows it", WAIT, () -> listed(as(token)).size() == 2);

        Db.execute("DELETE FROM analysis.follows WHERE user_id = ? AND repository_id = ?", user, secret.id);
        Events.followed(user, secret.id, false);
        Eventually.until("the former follower no longer sees it", WAIT, () -> as(token).get(path).statusCode() == 404);
        assertThat(listed(as(token))).containsExactly(open.fullName);
    }

    @Test
    void aRepositoryThatTurnsPrivateDisappearsAndComesBackWhenPublic() {
        String path = "/repositories/" + open.id + "/contributors";
        given().get(path).then().statusCode(200);
        assertThat(given().queryParam("q", tag).get("/repositories").jsonPath().getList("data")).hasSize(1);

        Events.visibilityChanged(open.id, true);
        Eventually.until("a guest no longer sees it", WAIT, () -> given().get(path).statusCode() == 404);
        assertThat(given().queryParam("q", tag).get("/repositories").jsonPath().getList("data")).isEmpty();

        Events.visibilityChanged(open.id, false);
        Eventually.until("a guest sees it again", WAIT, () -> given().get(path).statusCode() == 200);
        assertThat(given().queryParam("q", tag).get("/repositories").jsonPath().getList("data")).hasSize(1);
    }

    private static List<String> reads(UUID id) {
        String repo = "/repositories/" + id;
        return List.of(repo, repo + "/metrics", repo + "/metrics?window=all", repo + "/trends", repo + "/contributors",
                repo + "/pulls", repo + "/insights", "/fast/repositories/" + id + "/summary");
    }

    private List<String> listed(RequestSpecification caller) {
        return names(caller.queryParam("q", tag).get("/repositories").then().statusCode(200).extract().jsonPath()
                .getList("data.full_name"));
    }

    private List<String> found(RequestSpecification caller) {
        return names(caller.queryParam("q", tag).get("/fast/search").then().statusCode(200).extract().jsonPath()
                .getList("data.full_name"));
    }

    private static RequestSpecification as(String bearer) {
        return bearer == null ? given() : given().header("Authorization", "Bearer " + bearer);
    }

    private static List<String> names(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }
}
