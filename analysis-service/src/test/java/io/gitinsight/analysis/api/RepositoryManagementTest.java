package io.gitinsight.analysis.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.IngestionFake;
import io.gitinsight.model.events.RepositoryFollowed;
import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.BrokerProbe;
import io.gitinsight.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(AuthFake.class)
@QuarkusTestResource(IngestionFake.class)
class RepositoryManagementTest {

    private final UUID userId = UUID.randomUUID();
    private final String token = TestTokens.of(userId, "mona", Role.USER);

    @Test
    void addsAGitHubRepositoryWithGitHubsMetadataAndTheCallerFollowsIt() throws Exception {
        String name = "app-" + UUID.randomUUID().toString().substring(0, 8);
        IngestionFake.knows("octo", name, Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L));
        try (BrokerProbe probe = BrokerProbe.bind("user.repository.followed")) {
            String id = as(token).body("{\"full_name\": \"octo/" + name + "\"}").post("/repositories").then()
                    .statusCode(201).body("full_name", equalTo("octo/" + name)).body("name", equalTo(name))
                    .body("clone_url", equalTo("https://github.com/octo/" + name + ".git")).body("stars", equalTo(42))
                    .body("language", equalTo("Java")).body("size", equalTo(1024)).body("owner", equalTo("octo"))
                    .body("analysis_status", equalTo("pending")).body("last_analyzed", nullValue())
                    .body("created_at", equalTo("2020-01-02T03:04:05Z")).body("analysis_interval_hours", equalTo(24))
                    .extract().path("id");

            RepositoryFollowed followed = probe.nextPayload(Duration.ofSeconds(10),
                    e -> UUID.fromString(id).equals(e.repositoryId()), RepositoryFollowed.class);
            assertThat(followed).isEqualTo(new RepositoryFollowed(userId, UUID.fromString(id), true));

            as(token).body("{\"full_name\": \"OCTO/" + name.toUpperCase() + "\"}").post("/repositories").then()
                    .statusCode(409).body("error.code", equalTo("CONFLICT")).body("error.details.id", equalTo(id));
        }
    }

    @Test
    void answersRepositoryNotFoundWhenGitHubDoesNotKnowIt() {
        IngestionFake.doesNotKnow("octo", "missing");
        as(token).body("{\"full_name\": \"octo/missing\"}").post("/repositories").then().statusCode(404)
                .body("error.code", equalTo("REPOSITORY_NOT_FOUND")).body("error.details.full_name", equalTo("octo/missing"));
    }

    @Test
    void refusesMalformedRequests() {
        as(token).body("{\"full_name\": \"no-slash\"}").post("/repositories").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR")).body("error.details.field", equalTo("full_name"));
        as(token).body("{\"full_name\": \"a/b\", \"clone_url\": \"https://x.org/a/b.git\"}").post("/repositories").then()
                .statusCode(400).body("error.details.field", equalTo("full_name"));
        as(token).body("{}").post("/repositories").then().statusCode(400);
        as(token).body("{\"full_name\": ").post("/repositories").then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        as(token).body("{\"clone_url\": \"ftp://example.org/x.git\"}").post("/repositories").then().statusCode(400)
                .body("error.details.field", equalTo("clone_url"));
        as(token).body("{\"clone_url\": \"https://user:secret@example.org/x.git\"}").post("/repositories").then()
                .statusCode(400).body("error.details.field", equalTo("clone_url"));
        as(token).body("{\"full_name\": \"" + "x/" + "y".repeat(200) + "\"}").post("/repositories").then()
                .statusCode(400);
    }

    @Test
    void addsAPlainGitRemoteAndChangesItsSettings() {
        String url = "https://git.example.org/team/tool-" + UUID.randomUUID().toString().substring(0, 8) + ".git";
        String id = as(token).body("{\"clone_url\": \"" + url + "\"}").post("/repositories").then().statusCode(201)
                .body("github_id", nullValue()).body("clone_url", equalTo(url))
                .body("full_name", equalTo(url.substring("https://".length(), url.length() - 4))).extract().path("id");

        as(token).body("{\"default_branch\": \"develop\", \"analysis_interval_hours\": 6}").put("/repositories/" + id)
                .then().statusCode(200).body("default_branch", equalTo("develop"))
                .body("analysis_interval_hours", equalTo(6)).body("webhook_enabled", equalTo(false));
        as(token).body("{\"analysis_interval_hours\": 0}").put("/repositories/" + id).then().statusCode(400)
                .body("error.code", equalTo("VALIDATION_ERROR"));
        as(token).body("{\"default_branch\": \"bad branch\"}").put("/repositories/" + id).then().statusCode(400);
        // a plain remote has no webhooks to enable
        as(token).body("{\"webhook_enabled\": true}").put("/repositories/" + id).then().statusCode(400)
                .body("error.details.field", equalTo("webhook_enabled"));

        // someone else who may analyze it may neither change nor delete it; an admin may
        String other = TestTokens.of(UUID.randomUUID(), "hubot", Role.PREMIUM);
        as(other).body("{\"analysis_interval_hours\": 12}").put("/repositories/" + id).then().statusCode(403)
                .body("error.code", equalTo("AUTHORIZATION_DENIED"));
        as(other).delete("/repositories/" + id).then().statusCode(403).body("error.code", equalTo("AUTHORIZATION_DENIED"));
        as(TestTokens.of(UUID.randomUUID(), "octo-admin", Role.ADMIN)).body("{\"analysis_interval_hours\": 12}")
                .put("/repositories/" + id).then().statusCode(200).body("analysis_interval_hours", equalTo(12));

        as(token).delete("/repositories/" + id).then().statusCode(204);
        as(token).delete("/repositories/" + id).then().statusCode(404).body("error.code", equalTo("REPOSITORY_NOT_FOUND"));
        as(token).body("{}").put("/repositories/" + id).then().statusCode(404);
    }

    @Test
    void followAndUnfollowAreIdempotentAndAnnounced() throws Exception {
        String id = as(token).body("{\"clone_url\": \"https://git.example.org/f/" + UUID.randomUUID() + "\"}")
                .post("/repositories").then().statusCode(201).extract().path("id");
        UUID other = UUID.randomUUID();
        String otherToken = TestTokens.of(other, "hubot", Role.PREMIUM);
        try (BrokerProbe probe = BrokerProbe.bind("user.repository.followed")) {
            as(otherToken).post("/repositories/" + id + "/follow").then().statusCode(200).body("following", equalTo(true));
            as(otherToken).post("/repositories/" + id + "/follow").then().statusCode(200);
            as(otherToken).delete("/repositories/" + id + "/follow").then().statusCode(200).body("following", equalTo(false));

            List<RepositoryFollowed> events = probe.drain(Duration.ofSeconds(2)).stream()
                    .map(e -> e.payloadAs(RepositoryFollowed.class)).toList();
            // the second follow changed nothing and said nothing
            assertThat(events).containsExactly(new RepositoryFollowed(other, UUID.fromString(id), true),
                    new RepositoryFollowed(other, UUID.fromString(id), false));
        }
        as(otherToken).post("/repositories/" + UUID.randomUUID() + "/follow").then().statusCode(404);
        as(otherToken).post("/repositories/not-a-uuid/follow").then().statusCode(400);
    }

    @Test
    void checksTheCallersCredentialsItself() {
        given().contentType(ContentType.JSON).body("{\"clone_url\": \"https://x.org/a/b.git\"}").post("/repositories")
                .then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        as(TestTokens.of(UUID.randomUUID(), "late", Role.USER, -5)).body("{\"clone_url\": \"https://x.org/a/b.git\"}")
                .post("/repositories").then().statusCode(401).body("error.details.reason", equalTo("token expired"));
        as("not.a.token").body("{}").post("/repositories").then().statusCode(401);

        String readOnly = "gik_readonly_" + UUID.randomUUID();
        AuthFake.apiKey(readOnly, userId, "mona", Role.USER, List.of("repository:read"));
        given().contentType(ContentType.JSON).header("X-API-Key", readOnly).body("{\"clone_url\": \"https://x.org/a/b.git\"}")
                .post("/repositories").then().statusCode(403).body("error.code", equalTo("AUTHORIZATION_DENIED"));
        given().contentType(ContentType.JSON).header("X-API-Key", "gik_unknown").body("{}").post("/repositories").then()
                .statusCode(401);

        String writer = "gik_writer_" + UUID.randomUUID();
        AuthFake.apiKey(writer, userId, "mona", Role.USER, List.of("repository:read", "repository:analyze"));
        given().contentType(ContentType.JSON).header("Authorization", "Bearer " + writer)
                .body("{\"clone_url\": \"https://git.example.org/k/" + UUID.randomUUID() + "\"}").post("/repositories")
                .then().statusCode(201);
    }

    @Test
    void tellsIngestionWhichRepositoriesAreTracked() {
        String name = "tracked-" + UUID.randomUUID().toString().substring(0, 8);
        IngestionFake.knows("octo", name, Math.abs(UUID.randomUUID().getLeastSignificantBits() % 1_000_000_000L));
        String id = as(token).body("{\"full_name\": \"octo/" + name + "\"}").post("/repositories").then().statusCode(201)
                .extract().path("id");
        String body = "{\"full_names\": [\"Octo/" + name + "\", \"octo/not-tracked\"]}";
        given().contentType(ContentType.JSON).header("X-Internal-Token", "test-internal-token").body(body)
                .post("/internal/repositories/tracked").then().statusCode(200)
                .body("tracked.size()", equalTo(1)).body("tracked.'octo/" + name + "'", equalTo(id));
        given().contentType(ContentType.JSON).body(body).post("/internal/repositories/tracked").then().statusCode(401);
    }

    private static RequestSpecification as(String token) {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(token));
    }
}
