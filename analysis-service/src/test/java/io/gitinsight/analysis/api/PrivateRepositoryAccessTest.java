package io.gitinsight.analysis.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.IngestedData;
import io.gitinsight.analysis.IngestionFake;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.RepositoryVisibilityChanged;
import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.BrokerProbe;
import io.gitinsight.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;

/**
 * A private repository exists only for admins and its followers (the user who added it among them): anyone
 * else is answered 404 REPOSITORY_NOT_FOUND by every operation on it, and does not see its jobs.
 */
@QuarkusTest
@QuarkusTestResource(AuthFake.class)
@QuarkusTestResource(IngestionFake.class)
class PrivateRepositoryAccessTest {

    private static final Duration WAIT = Duration.ofSeconds(10);

    private final String owner = TestTokens.of(UUID.randomUUID(), "mona", Role.USER);
    private final String stranger = TestTokens.of(UUID.randomUUID(), "hubot", Role.PREMIUM);
    private final String admin = TestTokens.of(UUID.randomUUID(), "root", Role.ADMIN);

    @Test
    void othersFindNoPrivateRepositoryToChange() {
        String id = add(true);
        String repo = "/repositories/" + id;

        notFound(as(stranger).body("{\"analysis_interval_hours\": 6}").put(repo));
        notFound(as(stranger).post(repo + "/analyze"));
        notFound(as(stranger).post(repo + "/follow"));
        notFound(as(stranger).delete(repo + "/follow"));
        notFound(as(stranger).delete(repo));

        as(owner).body("{\"analysis_interval_hours\": 6}").put(repo).then().statusCode(200)
                .body("analysis_interval_hours", equalTo(6));
        as(admin).body("{\"analysis_interval_hours\": 12}").put(repo).then().statusCode(200);
        as(admin).delete(repo).then().statusCode(204);
    }

    @Test
    void jobsOfAPrivateRepositoryAreSeenOnlyByThoseWhoSeeIt() {
        String job = as(owner).post("/repositories/" + add(true) + "/analyze").then().statusCode(202).extract().path("id");
        String publicJob = as(owner).post("/repositories/" + add(false) + "/analyze").then().statusCode(202).extract()
                .path("id");

        for (RequestSpecification outsider : List.of(given(), as(stranger))) {
            outsider.get("/jobs/" + job).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        }
        as(owner).get("/jobs/" + job).then().statusCode(200).body("id", equalTo(job));
        as(admin).get("/jobs/" + job).then().statusCode(200);
        given().get("/jobs/" + publicJob).then().statusCode(200);

        assertThat(recent(given())).contains(publicJob).doesNotContain(job);
        assertThat(recent(as(stranger))).contains(publicJob).doesNotContain(job);
        assertThat(recent(as(owner))).contains(publicJob, job);
        assertThat(recent(as(admin))).contains(publicJob, job);
    }

    @Test
    void aSyncThatFindsTheRepositoryPrivateAnnouncesItAndLocksOthersOut() throws Exception {
        String id = add(false);
        UUID repo = UUID.fromString(id);
        // public: the stranger sees it, but only its owner (or an admin) changes its settings
        as(stranger).body("{\"analysis_interval_hours\": 6}").put("/repositories/" + id).then().statusCode(403);
        String job = as(owner).post("/repositories/" + id + "/analyze").then().statusCode(202).extract().path("id");

        try (BrokerProbe probe = BrokerProbe.bind("repository.visibility.changed")) {
            var metadata = IngestedData.repository("octo/x", 1L).put("is_private", true);
            metadata.remove("github_id"); // the stored one stays
            // batch 1 of 2: the analysis does not run yet, the metadata is stored
            probe.publish(EventEnvelope.of(EventType.GITHUB_DATA_INGESTED, job, repo, IngestedData.batch(
                    UUID.fromString(job), repo, 1, 2, metadata, null, List.of(), List.of(), List.of(), List.of())));

            RepositoryVisibilityChanged changed = probe.nextPayload(WAIT, e -> repo.equals(e.repositoryId()),
                    RepositoryVisibilityChanged.class);
            assertThat(changed).isEqualTo(new RepositoryVisibilityChanged(repo, true));
        }
        notFound(as(stranger).body("{\"analysis_interval_hours\": 6}").put("/repositories/" + id));
        as(owner).body("{\"analysis_interval_hours\": 6}").put("/repositories/" + id).then().statusCode(200);
    }

    /** The owner adds a GitHub repository that is private there when {@code isPrivate}. */
    private String add(boolean isPrivate) {
        String name = "secret-" + UUID.randomUUID().toString().substring(0, 8);
        IngestionFake.knows("octo", name, Math.abs(UUID.randomUUID().getMostSignificantBits() % 1_000_000_000L), isPrivate);
        return as(owner).body("{\"full_name\": \"octo/" + name + "\"}").post("/repositories").then().statusCode(201)
                .extract().path("id");
    }

    private static List<String> recent(RequestSpecification caller) {
        return caller.get("/jobs?limit=100").then().statusCode(200).extract().jsonPath().getList("id", String.class);
    }

    private static void notFound(io.restassured.response.Response response) {
        response.then().statusCode(404).body("error.code", equalTo("REPOSITORY_NOT_FOUND"));
    }

    private static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }
}
