package io.gitinsight.query.support;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.events.AnalysisCompleted;
import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.events.InsightsGenerated;
import io.gitinsight.model.events.RepositoryFollowed;
import io.gitinsight.testkit.BrokerProbe;

/** Publishes events on the real {@code gitinsight.events} exchange, as the other services do. */
public final class Events {

    private Events() {
    }

    public static EventEnvelope progress(UUID repositoryId, String stage, int progress) {
        return publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, "test", repositoryId,
                new AnalysisProgress(UUID.randomUUID(), stage, progress, progress, 100L)));
    }

    public static EventEnvelope completed(UUID repositoryId) {
        return publish(EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_COMPLETED, "test", repositoryId,
                new AnalysisCompleted(UUID.randomUUID(), "completed", null, null)));
    }

    public static EventEnvelope insights(UUID repositoryId, UUID insightId) {
        return publish(EventEnvelope.of(EventType.REPOSITORY_INSIGHTS_GENERATED, "test", repositoryId,
                new InsightsGenerated(UUID.randomUUID(), List.of(insightId), List.of("hotspot"))));
    }

    /** A webhook event that names its repository only as GitHub does, as ingestion publishes it. */
    public static EventEnvelope github(String event, String fullName, Long githubId, JsonNode data) {
        return publish(EventEnvelope.of(EventType.GITHUB_EVENT_RECEIVED, "test", null, new GitHubEventReceived(
                UUID.randomUUID().toString(), event, "opened", fullName, githubId, "octocat", Instant.now(), data)));
    }

    public static EventEnvelope followed(UUID userId, UUID repositoryId, boolean following) {
        return publish(EventEnvelope.of(EventType.USER_REPOSITORY_FOLLOWED, "test", repositoryId,
                new RepositoryFollowed(userId, repositoryId, following)));
    }

    /** Sets {@code is_private} as a sync would and announces it as analysis does. */
    public static EventEnvelope visibilityChanged(UUID repositoryId, boolean isPrivate) {
        Db.execute("UPDATE analysis.repositories SET is_private = ? WHERE id = ?", isPrivate, repositoryId);
        return publish(EventEnvelope.of(EventType.REPOSITORY_VISIBILITY_CHANGED, "test", repositoryId,
                new io.gitinsight.model.events.RepositoryVisibilityChanged(repositoryId, isPrivate)));
    }

    public static EventEnvelope publish(EventEnvelope envelope) {
        publishAll(List.of(envelope));
        return envelope;
    }

    /** Publishes in order over one connection. */
    public static void publishAll(List<EventEnvelope> envelopes) {
        try (BrokerProbe probe = BrokerProbe.bind("query.test.unused")) {
            for (EventEnvelope envelope : envelopes) {
                probe.publish(envelope);
            }
        } catch (Exception e) {
            throw new IllegalStateException("cannot publish", e);
        }
    }

    /**
     * Publishes {@code repository.analysis.completed} and returns once a subscriber of the repository's
     * stream has received it: by then the caches are invalidated, so a read sees the new data.
     */
    public static void completedAndSeen(io.vertx.core.Vertx vertx, UUID repositoryId) {
        try (StreamClient stream = StreamClient.connect(vertx, "/stream/repository/" + repositoryId + "/updates", null)) {
            stream.drain(java.time.Duration.ofMillis(200));
            String sent = completed(repositoryId).occurredAt().toString();
            for (int i = 0; i < 5; i++) {
                if (stream.next(java.time.Duration.ofSeconds(10)).path("occurred_at").asText().equals(sent)) {
                    return;
                }
            }
            throw new AssertionError("analysis.completed never reached the stream");
        }
    }
}
