package io.gitinsight.analysis.service;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.analysis.Eventually;
import io.gitinsight.analysis.IngestionFake;
import io.gitinsight.model.events.AnalysisCompleted;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.BrokerProbe;
import io.gitinsight.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;

/** Webhook events of tracked repositories: facts stored at once, metrics recomputed once per burst. */
@QuarkusTest
@QuarkusTestResource(AuthFake.class)
@QuarkusTestResource(IngestionFake.class)
class WebhookEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    Pool pool;

    @Test
    void storesPullRequestAndDeploymentFactsAndRecomputesOncePerBurst() throws Exception {
        long githubId = 700_000_000L + (long) (Math.random() * 1_000_000);
        String name = "hooks-" + UUID.randomUUID().toString().substring(0, 6);
        UUID repo = add(name, githubId);
        try (BrokerProbe probe = BrokerProbe.bind("repository.analysis.completed")) {
            ObjectNode pr = Json.mapper().createObjectNode().put("number", 12).put("state", "open").put("title", "Add cache")
                    .put("author", "mona").put("draft", false).put("merged", false).put("head_ref", "cache")
                    .put("base_ref", "main").put("created_at", "2026-11-20T10:00:00Z").put("additions", 40).put("deletions", 2);
            EventEnvelope opened = event("pull_request", "opened", "octo/" + name, githubId, pr);
            probe.publish(opened);
            probe.publish(opened); // a redelivery
            probe.publish(event("deployment", "created", "octo/" + name, githubId, Json.mapper().createObjectNode()
                    .put("deployment_id", 55).put("environment", "production").put("sha", "a".repeat(40)).put("ref", "main")
                    .put("created_at", "2026-11-20T11:00:00Z")));
            probe.publish(event("deployment_status", "created", "octo/" + name, githubId, Json.mapper().createObjectNode()
                    .put("deployment_id", 55).put("state", "success").put("environment", "production")
                    .put("sha", "a".repeat(40)).put("created_at", "2026-11-20T11:05:00Z")));

            String title = Eventually.until(() -> text("SELECT title FROM analysis.pull_requests WHERE repository_id = $1 "
                    + "AND number = 12", repo), t -> t != null, WAIT);
            assertThat(title).isEqualTo("Add cache");
            String status = Eventually.until(() -> text("SELECT status FROM analysis.deployments WHERE repository_id = $1 "
                    + "AND id = 55", repo), s -> s != null, WAIT);
            assertThat(status).isEqualTo("success");

            AnalysisCompleted recomputed = probe.nextPayload(WAIT, e -> repo.equals(e.repositoryId()),
                    AnalysisCompleted.class);
            assertThat(recomputed.jobId()).isNull();
            assertThat(recomputed.status()).isEqualTo("completed");
            // four events within the debounce made one recomputation
            assertThat(probe.drain(Duration.ofSeconds(1))).noneMatch(e -> repo.equals(e.repositoryId()));
            assertThat(text("SELECT metrics->'pull_requests'->>'opened' FROM analysis.metric_snapshots "
                    + "WHERE repository_id = $1 AND window_name = '90d'", repo)).isEqualTo("1");
        }
    }

    @Test
    void aPushToTheDefaultBranchOfAnAnalyzedRepositoryStartsAnIncrementalAnalysis() throws Exception {
        long githubId = 800_000_000L + (long) (Math.random() * 1_000_000);
        String name = "pushed-" + UUID.randomUUID().toString().substring(0, 6);
        UUID repo = add(name, githubId);
        Instant analyzed = Instant.parse("2026-11-01T00:00:00Z");
        pool.preparedQuery("UPDATE analysis.repositories SET last_analyzed = $2 WHERE id = $1")
                .execute(Tuple.of(repo, analyzed.atOffset(ZoneOffset.UTC))).await().atMost(WAIT);
        try (BrokerProbe probe = BrokerProbe.bind("repository.analysis.requested")) {
            probe.publish(event("push", null, "octo/" + name, githubId, Json.mapper().createObjectNode()
                    .put("ref", "refs/heads/feature").put("after", "b".repeat(40))));
            probe.publish(event("push", null, "octo/" + name, githubId, Json.mapper().createObjectNode()
                    .put("ref", "refs/heads/main").put("after", "c".repeat(40))));
            // only the default branch's push asks for an analysis
            AnalysisRequested request = probe.nextPayload(WAIT, e -> repo.equals(e.repositoryId()),
                    AnalysisRequested.class);
            assertThat(request.since()).isEqualTo(analyzed);
            assertThat(request.fullName()).isEqualTo("octo/" + name);
            assertThat(probe.drain(Duration.ofSeconds(1))).noneMatch(e -> repo.equals(e.repositoryId()));
        }
    }

    private UUID add(String name, long githubId) {
        IngestionFake.knows("octo", name, githubId);
        String id = given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(TestTokens.of(Role.USER)))
                .body("{\"full_name\": \"octo/" + name + "\"}").post("/repositories").then().statusCode(201).extract()
                .path("id");
        return UUID.fromString(id);
    }

    private static EventEnvelope event(String type, String action, String fullName, long githubId, ObjectNode data) {
        return EventEnvelope.of(EventType.GITHUB_EVENT_RECEIVED, null, null,
                new GitHubEventReceived(UUID.randomUUID().toString(),
                        type, action, fullName, githubId, "mona", Instant.now(), data));
    }

    private String text(String sql, UUID repo) {
        var rows = pool.preparedQuery(sql).execute(Tuple.of(repo)).await().atMost(WAIT);
        return rows.size() == 0 ? null : rows.iterator().next().getString(0);
    }
}
