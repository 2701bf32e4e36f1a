package io.gitinsight.model.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.json.Json;

class EventEnvelopeTest {

    private static final UUID REPO = UUID.fromString("8f0e2a6c-3b7e-4c1e-9a51-0c9d3f1b2a77");
    private static final UUID JOB = UUID.fromString("0b7c1f9e-5d2a-4e8b-8c3f-6a1d2e3f4b5c");

    @Test
    void serializesWithTheContractsSnakeCaseFields() throws Exception {
        EventEnvelope envelope = EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, "corr-1", REPO,
                new AnalysisProgress(JOB, "git_history", 40, 400, 1000L));

        JsonNode json = Json.mapper().readTree(envelope.toJson());

        assertThat(json.fieldNames()).toIterable().containsExactlyInAnyOrder("id", "type", "version",
                "occurred_at", "correlation_id", "repository_id", "payload");
        assertThat(json.get("type").asText()).isEqualTo("repository.analysis.progress");
        assertThat(json.get("version").asInt()).isEqualTo(1);
        assertThat(json.get("occurred_at").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d+)?Z");
        assertThat(json.get("repository_id").asText()).isEqualTo(REPO.toString());
        assertThat(json.at("/payload/job_id").asText()).isEqualTo(JOB.toString());
        assertThat(json.at("/payload/items_processed").asLong()).isEqualTo(400);
        assertThat(json.at("/payload/items_total").asLong()).isEqualTo(1000);
    }

    @Test
    void everyEventTypeSurvivesARoundTrip() {
        Instant at = Instant.parse("2026-11-01T10:15:30.123456Z");
        Map<EventType, Object> samples = Map.of(
                EventType.REPOSITORY_ANALYSIS_REQUESTED,
                new AnalysisRequested(JOB, REPO, "octocat/Hello-World",
                        "https://github.com/octocat/Hello-World.git", "main", at),
                EventType.GITHUB_DATA_INGESTED,
                new DataIngested(JOB, REPO, 2, 3, null, null, List.of(Json.mapper().createObjectNode().put("sha", "abc")),
                        List.of(), List.of(), List.of(), List.of(), List.of()),
                EventType.GITHUB_EVENT_RECEIVED,
                new GitHubEventReceived("72d3162e-cc78-11e3-81ab-4c9367dc0958", "push", null,
                        "octocat/Hello-World", 1296269L, "octocat", at,
                        Json.mapper().createObjectNode().put("ref", "refs/heads/main")),
                EventType.REPOSITORY_ANALYSIS_PROGRESS, new AnalysisProgress(JOB, "metrics", 90, 9, 10L),
                EventType.REPOSITORY_ANALYSIS_COMPLETED,
                new AnalysisCompleted(JOB, "completed", Json.mapper().createObjectNode().put("commit_count", 42),
                        null),
                EventType.REPOSITORY_INSIGHTS_GENERATED,
                new InsightsGenerated(JOB, List.of(REPO), List.of("bus_factor_risk")),
                EventType.USER_REPOSITORY_FOLLOWED, new RepositoryFollowed(JOB, REPO, true),
                EventType.REPOSITORY_VISIBILITY_CHANGED, new RepositoryVisibilityChanged(REPO, true),
                EventType.SYSTEM_HEALTH_CHECK,
                new HealthCheckReported("analysis-service", "UP", "0.1.0", at, Map.of("database", "UP")));

        assertThat(samples).hasSize(EventType.values().length);
        samples.forEach((type, payload) -> {
            EventEnvelope sent = EventEnvelope.of(type, "corr", REPO, payload);

            EventEnvelope received = EventEnvelope.fromJson(sent.toJson().getBytes(StandardCharsets.UTF_8));

            assertThat(received).isEqualTo(sent);
            assertThat(received.eventType()).isEqualTo(type);
            assertThat(received.payloadAs(type.payloadType())).isEqualTo(payload);
        });
    }

    @Test
    void refusesAPayloadOfTheWrongType() {
        assertThatThrownBy(() -> EventEnvelope.of(EventType.SYSTEM_HEALTH_CHECK, null, null,
                new RepositoryFollowed(JOB, REPO, false)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HealthCheckReported");
    }

    @Test
    void refusesBytesThatAreNotAnEnvelope() {
        assertThatThrownBy(() -> EventEnvelope.fromJson("{\"type\": 1".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EventEnvelope.fromJson("{\"type\": \"x\"}".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toleratesFieldsANewerProducerAdds() {
        String json = "{\"id\":\"" + JOB + "\",\"type\":\"system.health.check\",\"version\":2,"
                + "\"occurred_at\":\"2026-11-01T10:00:00Z\",\"shard\":7,\"payload\":{}}";

        EventEnvelope envelope = EventEnvelope.fromJson(json.getBytes(StandardCharsets.UTF_8));

        assertThat(envelope.version()).isEqualTo(2);
        assertThat(envelope.repositoryId()).isNull();
    }

    @Test
    void mapsRoutingKeysBothWays() {
        for (EventType type : EventType.values()) {
            assertThat(EventType.fromRoutingKey(type.routingKey())).contains(type);
        }
        assertThat(EventType.fromRoutingKey("repository.deleted")).isEmpty();
    }
}
