package io.gitinsight.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.systemtest.client.Api;
import io.gitinsight.systemtest.client.ApiResponse;
import io.gitinsight.systemtest.client.Caller;

/** Tracking a GitHub repository and analyzing it, through the gateway, as a signed-in user does. */
public final class Analyses {

    /** A small repository's analysis takes a second or two; a restarted service takes longer. */
    public static final Duration JOB_TIMEOUT = Duration.ofSeconds(90);

    private final Api api;
    private final Caller reader;

    public Analyses(World world) {
        this.api = world.api();
        this.reader = world.reader();
    }

    /** A repository tracked, analyzed to completion, and its metrics over the whole history right after. */
    public record Analyzed(String repositoryId, String fullName, JsonNode job, JsonNode metrics) {
    }

    public Analyzed addAndAnalyze(String fullName, Caller caller) {
        String id = add(fullName, caller).path("id").asText();
        JsonNode job = analyze(id, caller);
        JsonNode done = awaitJob(job.path("id").asText());
        return new Analyzed(id, fullName, done, metrics(id));
    }

    /** POST /repositories: 201 with the repository as GitHub describes it. */
    public JsonNode add(String fullName, Caller caller) {
        ApiResponse added = api.post("/repositories", Map.of("full_name", fullName), caller);
        assertThat(added.status()).as(added.describe()).isEqualTo(201);
        return added.json();
    }

    /** POST /repositories/{id}/analyze: 202 with a queued job. */
    public JsonNode analyze(String repositoryId, Caller caller) {
        ApiResponse started = api.post("/repositories/" + repositoryId + "/analyze", null, caller);
        assertThat(started.status()).as(started.describe()).isEqualTo(202);
        return started.json();
    }

    /** Waits for the job to end and requires that it completed. */
    public JsonNode awaitJob(String jobId) {
        ApiResponse job = api.poll("/jobs/" + jobId, reader, JOB_TIMEOUT, r -> r.status() == 200
                && (r.json().path("status").asText().equals("completed") || r.json().path("status").asText().equals("failed")));
        assertThat(job.json().path("status").asText()).as(job.describe()).isEqualTo("completed");
        return job.json();
    }

    /**
     * Two repositories with the same history and the same GitHub data have the same metrics: every figure is
     * compared except the repository's id, the computation's time and the deployment frequency per week, whose
     * window ends at the computation's "now" (so it drifts in the tenth significant digit).
     */
    public static void assertSameFigures(JsonNode actual, JsonNode expected) {
        ObjectNode a = comparable(actual);
        ObjectNode e = comparable(expected);
        assertThat(a).isEqualTo(e);
        assertThat(actual.path("dora").path("deployment_frequency_per_week").asDouble()).isCloseTo(
                expected.path("dora").path("deployment_frequency_per_week").asDouble(),
                org.assertj.core.api.Assertions.within(1e-6));
    }

    private static ObjectNode comparable(JsonNode metrics) {
        ObjectNode copy = metrics.deepCopy();
        copy.remove(List.of("repository_id", "computed_at"));
        ((ObjectNode) copy.path("dora")).remove("deployment_frequency_per_week");
        return copy;
    }

    /** The metrics over the whole history ({@code window=all}), as query-service serves them. */
    public JsonNode metrics(String repositoryId) {
        ApiResponse metrics = api.get("/repositories/" + repositoryId + "/metrics?window=all", reader);
        assertThat(metrics.status()).as(metrics.describe()).isEqualTo(200);
        return metrics.json();
    }
}
