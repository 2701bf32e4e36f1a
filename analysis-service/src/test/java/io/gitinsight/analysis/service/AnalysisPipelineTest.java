package io.gitinsight.analysis.service;

import static io.gitinsight.analysis.IngestedData.commit;
import static io.gitinsight.analysis.IngestedData.deployment;
import static io.gitinsight.analysis.IngestedData.pull;
import static io.gitinsight.analysis.IngestedData.review;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.analysis.Eventually;
import io.gitinsight.analysis.IngestedData;
import io.gitinsight.model.events.AnalysisCompleted;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.InsightsGenerated;
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

/**
 * The pipeline as ingestion drives it: analyze → request on the bus → progress → batches (out of order,
 * and redelivered) → computed, stored and announced. The history is small enough to work out by hand.
 */
@QuarkusTest
@QuarkusTestResource(AuthFake.class)
class AnalysisPipelineTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final String C1 = "1".repeat(40), C2 = "2".repeat(40), C3 = "3".repeat(40), M4 = "4".repeat(40),
            C5 = "5".repeat(40);

    @Inject
    Pool pool;

    private final String token = TestTokens.of(UUID.randomUUID(), "mona", Role.USER);

    @Test
    void analyzesAHistoryDeliveredInBatchesAndAnnouncesTheResult() throws Exception {
        String repo = addRepository();
        try (BrokerProbe requests = BrokerProbe.bind("repository.analysis.requested");
                BrokerProbe completed = BrokerProbe.bind("repository.analysis.completed");
                BrokerProbe insights = BrokerProbe.bind("repository.insights.generated")) {
            String job = as().post("/repositories/" + repo + "/analyze").then().statusCode(202)
                    .body("kind", equalTo("repository")).body("status", equalTo("queued"))
                    .body("repository_id", equalTo(repo)).extract().path("id");
            AnalysisRequested request = requestFor(requests, job);
            assertThat(request.since()).isNull();
            assertThat(request.fullName()).isNull();
            as().post("/repositories/" + repo + "/analyze").then().statusCode(409)
                    .body("error.code", equalTo("ANALYSIS_IN_PROGRESS")).body("error.details.job_id", equalTo(job));

            UUID jobId = UUID.fromString(job);
            UUID repoId = UUID.fromString(repo);
            requests.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, job, repoId,
                    new AnalysisProgress(jobId, "git_history", 15, 0, null)));
            Eventually.until(() -> given().get("/jobs/" + job).then().extract().<String> path("stage"), "git_history"::equals,
                    WAIT);
            given().get("/jobs/" + job).then().body("status", equalTo("running")).body("progress", equalTo(12));

            EventEnvelope second = EventEnvelope.of(EventType.GITHUB_DATA_INGESTED, job, repoId, batch(jobId, repoId, 2));
            EventEnvelope first = EventEnvelope.of(EventType.GITHUB_DATA_INGESTED, job, repoId, batch(jobId, repoId, 1));
            requests.publish(second);
            requests.publish(first);

            Eventually.until(() -> given().get("/jobs/" + job).then().extract().<String> path("status"), "completed"::equals,
                    WAIT);
            given().get("/jobs/" + job).then().body("progress", equalTo(100)).body("stage", equalTo("completed"));

            AnalysisCompleted done = EventEnvelope.fromJson(completed.next(WAIT).getBody()).payloadAs(AnalysisCompleted.class);
            assertThat(done.jobId()).isEqualTo(jobId);
            assertThat(done.status()).isEqualTo("completed");
            assertThat(done.metrics().path("total_commits").asInt()).isEqualTo(5);
            assertThat(done.metrics().path("loc").asInt()).isEqualTo(23);
            InsightsGenerated generated = EventEnvelope.fromJson(insights.next(WAIT).getBody())
                    .payloadAs(InsightsGenerated.class);
            assertThat(generated.insightIds()).hasSameSizeAs(generated.types());
            assertThat(count("SELECT count(*) FROM analysis.insights WHERE job_id = $1", jobId))
                    .isEqualTo(generated.insightIds().size());

            JsonNode all = snapshot(repoId, "all");
            // 5 commits with the merge; numstat of the 4 non-merge commits: +10+5, +3-2, +2-3, +7-1
            assertThat(all.path("commit_count").asInt()).isEqualTo(5);
            assertThat(all.path("additions").asInt()).isEqualTo(27);
            assertThat(all.path("deletions").asInt()).isEqualTo(6);
            assertThat(all.path("code_churn").asInt()).isEqualTo(33);
            // 11-01, 11-02, 11-03; 11-01T10:00 → 11-03T09:00 is 47 hours
            assertThat(all.path("active_days").asInt()).isEqualTo(3);
            assertThat(all.path("time_spent_minutes").asInt()).isEqualTo(2820);
            assertThat(all.path("loc").asInt()).isEqualTo(23);
            assertThat(all.path("loc_by_language").path("Java").asInt()).isEqualTo(18);
            assertThat(all.path("loc_by_language").path("Markdown").asInt()).isEqualTo(5);
            assertThat(all.path("primary_language").asText()).isEqualTo("Java");
            assertThat(all.path("contributors").asInt()).isEqualTo(3);
            assertThat(all.path("reverts").asInt()).isEqualTo(1);
            assertThat(all.path("size_kb").asInt()).isEqualTo(2048);
            // PR #7: c5 at 20:00 → created 21:00 → alice's review 08:00 → merged 09:00 → deployed 10:30
            JsonNode prs = all.path("pull_requests");
            assertThat(prs.path("merged").asInt()).isEqualTo(1);
            assertThat(prs.path("cycle_time_phases").path("coding").asDouble()).isEqualTo(1.0);
            assertThat(prs.path("cycle_time_phases").path("pickup").asDouble()).isEqualTo(11.0);
            assertThat(prs.path("cycle_time_phases").path("review").asDouble()).isEqualTo(1.0);
            assertThat(prs.path("cycle_time_phases").path("deploy").asDouble()).isEqualTo(1.5);
            assertThat(prs.path("median_time_to_first_review_hours").asDouble()).isEqualTo(11.0);
            assertThat(prs.path("median_cycle_time_hours").asDouble()).isEqualTo(14.5);
            assertThat(all.path("dora").path("change_failure_rate").asDouble()).isEqualTo(0.0);
            assertThat(count("SELECT count(*) FROM analysis.contributors WHERE repository_id = $1", repoId)).isEqualTo(3);
            given().get("/jobs?limit=3").then().statusCode(200);
            given().get("/metrics").then().statusCode(200).body(org.hamcrest.Matchers.containsString(
                    "gitinsight_analysis_jobs_total{kind=\"repository\",status=\"completed\","));

            // redelivered: the same envelope, and the same batch in a new envelope: nothing changes
            requests.publish(first);
            requests.publish(EventEnvelope.of(EventType.GITHUB_DATA_INGESTED, job, repoId, batch(jobId, repoId, 1)));
            assertThat(completed.drain(Duration.ofSeconds(2))).noneMatch(e -> repoId.equals(e.repositoryId()));
            assertThat(count("SELECT count(*) FROM analysis.commits WHERE repository_id = $1", repoId)).isEqualTo(5);
            assertThat(count("SELECT count(*) FROM analysis.file_changes WHERE repository_id = $1", repoId)).isEqualTo(5);
            assertThat(snapshot(repoId, "all")).isEqualTo(all);
        }
    }

    @Test
    void aSyncOfTheWholeHistoryForgetsTheCommitsNoLongerInIt() throws Exception {
        String repo = addRepository();
        UUID repoId = UUID.fromString(repo);
        try (BrokerProbe requests = BrokerProbe.bind("repository.analysis.requested")) {
            syncAndWait(requests, repo, true, C2, List.of(
                    commit(C1, List.of(), "Alice", "alice@example.com", "2026-11-01T10:00:00Z", "One", "A.java", 4, 0),
                    commit(C2, List.of(C1), "Bob", "bob@example.com", "2026-11-02T10:00:00Z", "Two", "A.java", 1, 1)));
            assertThat(snapshot(repoId, "all").path("commit_count").asInt()).isEqualTo(2);
            assertThat(analyzedHead(repoId)).isEqualTo(C2);

            // an incremental sync adds to what is there
            syncAndWait(requests, repo, false, C3, List.of(
                    commit(C3, List.of(C2), "Bob", "bob@example.com", "2026-11-03T10:00:00Z", "Three", "B.java", 2, 0)));
            assertThat(snapshot(repoId, "all").path("commit_count").asInt()).isEqualTo(3);
            assertThat(analyzedHead(repoId)).isEqualTo(C3);

            // a force-push rewrote C2 and C3 into C5: ingestion read the whole history again, and C2 and C3 go
            syncAndWait(requests, repo, true, C5, List.of(
                    commit(C1, List.of(), "Alice", "alice@example.com", "2026-11-01T10:00:00Z", "One", "A.java", 4, 0),
                    commit(C5, List.of(C1), "Carol", "carol@example.com", "2026-11-04T10:00:00Z", "Five", "C.java", 9, 0)));
            JsonNode all = snapshot(repoId, "all");
            assertThat(all.path("commit_count").asInt()).isEqualTo(2);
            assertThat(all.path("additions").asInt()).isEqualTo(13);
            assertThat(count("SELECT count(*) FROM analysis.file_changes WHERE repository_id = $1", repoId)).isEqualTo(2);
            assertThat(count("SELECT count(*) FROM analysis.commits WHERE repository_id = $1 AND sha IN ('" + C2 + "', '"
                    + C3 + "')", repoId)).isZero();
            assertThat(analyzedHead(repoId)).isEqualTo(C5);
        }
    }

    /** One analysis of {@code repo} whose sync delivers {@code commits} in one batch, awaited to completion. */
    private void syncAndWait(BrokerProbe requests, String repo, boolean fullHistory, String head, List<JsonNode> commits)
            throws Exception {
        String job = as().post("/repositories/" + repo + "/analyze").then().statusCode(202).extract().path("id");
        UUID jobId = UUID.fromString(job);
        UUID repoId = UUID.fromString(repo);
        ObjectNode tree = IngestedData.tree(head, "A.java", "Java", 5);
        tree.put("full_history", fullHistory);
        requests.publish(EventEnvelope.of(EventType.GITHUB_DATA_INGESTED, job, repoId,
                IngestedData.batch(jobId, repoId, 1, 1, null, tree, commits, List.of(), List.of(), List.of())));
        Eventually.until(() -> given().get("/jobs/" + job).then().extract().<String> path("status"), "completed"::equals,
                WAIT);
    }

    private String analyzedHead(UUID repo) {
        return pool.preparedQuery("SELECT analyzed_head_sha FROM analysis.repositories WHERE id = $1")
                .execute(Tuple.of(repo)).map(rows -> rows.iterator().next().getString(0)).await().atMost(WAIT);
    }

    @Test
    void aFailedSyncFailsTheJobAndSaysWhy() throws Exception {
        String repo = addRepository();
        try (BrokerProbe requests = BrokerProbe.bind("repository.analysis.requested");
                BrokerProbe completed = BrokerProbe.bind("repository.analysis.completed")) {
            String job = as().post("/repositories/" + repo + "/analyze").then().statusCode(202).extract().path("id");
            requestFor(requests, job);
            requests.publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, job, UUID.fromString(repo),
                    new AnalysisProgress(UUID.fromString(job), "failed", 100, 0, null,
                            "incomplete data: GitHub reports 12 open issues, the sync collected 11", null)));
            Eventually.until(() -> given().get("/jobs/" + job).then().extract().<String> path("status"), "failed"::equals,
                    WAIT);
            given().get("/jobs/" + job).then().body("error_message",
                    equalTo("incomplete data: GitHub reports 12 open issues, the sync collected 11"));
            AnalysisCompleted failed = EventEnvelope.fromJson(completed.next(WAIT).getBody())
                    .payloadAs(AnalysisCompleted.class);
            assertThat(failed.status()).isEqualTo("failed");
            given().get("/metrics").then().body(org.hamcrest.Matchers.containsString(
                    "gitinsight_analysis_jobs_total{kind=\"repository\",status=\"failed\","));
            // the repository can be analyzed again
            as().post("/repositories/" + repo + "/analyze").then().statusCode(202);
        }
    }

    @Test
    void parksAMalformedBatchOnTheDeadLetterQueue() throws Exception {
        String repo = addRepository();
        try (BrokerProbe requests = BrokerProbe.bind("repository.analysis.requested")) {
            String job = as().post("/repositories/" + repo + "/analyze").then().statusCode(202).extract().path("id");
            requestFor(requests, job);
            var commitWithoutSha = Json.mapper().createObjectNode().put("message", "no sha");
            EventEnvelope poison = EventEnvelope.of(EventType.GITHUB_DATA_INGESTED, job, UUID.fromString(repo),
                    new DataIngested(UUID.fromString(job), UUID.fromString(repo), 1, 1, null, null, List.of(commitWithoutSha),
                            null, null, null, null, null));
            requests.publish(poison);
            EventEnvelope parked = Eventually.until(() -> deadLettered(requests, poison.id()), p -> p != null, WAIT);
            assertThat(parked.id()).isEqualTo(poison.id());
            given().get("/jobs/" + job).then().body("status", equalTo("queued"));
        }
    }

    @Test
    void answersJobsAndRefusesBadJobQueries() {
        given().get("/jobs/" + UUID.randomUUID()).then().statusCode(404).body("error.code", equalTo("NOT_FOUND"));
        given().get("/jobs/nope").then().statusCode(400);
        given().get("/jobs?limit=0").then().statusCode(400).body("error.details.field", equalTo("limit"));
        given().get("/jobs?limit=abc").then().statusCode(400);
        as().post("/repositories/" + UUID.randomUUID() + "/analyze").then().statusCode(404)
                .body("error.code", equalTo("REPOSITORY_NOT_FOUND"));
    }

    private static EventEnvelope deadLettered(BrokerProbe probe, UUID id) {
        try {
            for (var m = probe.take("gitinsight.dlq"); m != null; m = probe.take("gitinsight.dlq")) {
                EventEnvelope e = EventEnvelope.fromJson(m.getBody());
                if (e.id().equals(id)) {
                    return e;
                }
            }
            return null;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static DataIngested batch(UUID job, UUID repo, int number) {
        if (number == 1) {
            return IngestedData.batch(job, repo, 1, 2, IngestedData.repository("octo/pipeline", 0),
                    IngestedData.tree(M4, "A.java", "Java", 12, "B.java", "Java", 6, "README.md", "Markdown", 5),
                    List.of(commit(C1, List.of(), "Alice", "alice@example.com", "2026-11-01T10:00:00Z", "Initial",
                            "A.java", 10, 0, "README.md", 5, 0),
                            commit(C2, List.of(C1), "Bob", "bob@example.com", "2026-11-02T12:00:00Z", "Tune A", "A.java", 3, 2),
                            commit(C3, List.of(C2), "Alice", "alice@example.com", "2026-11-02T18:30:00Z",
                                    "Revert \"Tune A\"\n\nThis reverts commit " + C2 + ".", "A.java", 2, 3)),
                    List.of(), List.of(), List.of());
        }
        return IngestedData.batch(job, repo, 2, 2, null, null,
                List.of(commit(C5, List.of(C2), "Carol", "carol@example.com", "2026-11-02T20:00:00Z", "Add B", "B.java", 7, 1),
                        commit(M4, List.of(C3, C5), "Alice", "alice@example.com", "2026-11-03T09:00:00Z",
                                "Merge pull request #7 from octo/feature")),
                List.of(pull(7, "carol", "2026-11-02T21:00:00Z", "2026-11-03T09:00:00Z", M4, "feature")),
                List.of(review(70, 7, "alice", "APPROVED", "2026-11-03T08:00:00Z")),
                List.of(deployment(900, M4, "2026-11-03T10:00:00Z", "success", "2026-11-03T10:30:00Z")));
    }

    private String addRepository() {
        return as().body("{\"clone_url\": \"https://git.example.org/pipe/" + UUID.randomUUID() + ".git\"}")
                .post("/repositories").then().statusCode(201).extract().path("id");
    }

    private static AnalysisRequested requestFor(BrokerProbe probe, String job) throws Exception {
        return probe.nextPayload(WAIT, e -> job.equals(e.correlationId()), AnalysisRequested.class);
    }

    private JsonNode snapshot(UUID repo, String window) {
        return pool.preparedQuery("SELECT metrics::text AS m FROM analysis.metric_snapshots WHERE repository_id = $1 "
                + "AND window_name = $2").execute(Tuple.of(repo, window)).map(rows -> {
                    try {
                        return Json.mapper().readTree(rows.iterator().next().getString("m"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                }).await().atMost(WAIT);
    }

    private int count(String sql, UUID id) {
        return pool.preparedQuery(sql).execute(Tuple.of(id)).map(rows -> rows.iterator().next().getInteger(0))
                .await().atMost(WAIT).intValue();
    }

    private io.restassured.specification.RequestSpecification as() {
        return given().contentType(ContentType.JSON).header("Authorization", TestTokens.bearer(token));
    }
}
