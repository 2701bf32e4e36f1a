package io.gitinsight.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.json.Json;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.gitinsight.query.support.StreamClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * Publishers deliver at least once (ingestion's outbox publishes a webhook again when the broker's confirm was
 * lost, under the same envelope id): a subscriber hears of each event once.
 */
@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class RepublishedEventsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);

    @Inject
    Vertx vertx;
    private RepositoryRow repository;

    @BeforeEach
    void seed() {
        repository = RepositoryRow.named("octo/republished-" + UUID.randomUUID());
        repository.insert();
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(repository.id);
    }

    @Test
    void aWebhookEventPublishedTwiceUnderOneIdReachesTheActivityStreamOnce() {
        EventEnvelope event = EventEnvelope.of(EventType.GITHUB_EVENT_RECEIVED, "test", null,
                new GitHubEventReceived("delivery-" + UUID.randomUUID(), "issues", "labeled", repository.fullName, null,
                        "octocat", Instant.now(), Json.mapper().createObjectNode().put("number", 1)));
        try (StreamClient activity = StreamClient.connect(vertx, "/stream/global/activity", null)) {
            activity.drain(Duration.ofMillis(300));

            Events.publishAll(List.of(event, event));

            assertThat(activity.next(WAIT).at("/data/event").asText()).isEqualTo("issues");
            assertThat(activity.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void aProgressEventRedeliveredReachesTheRepositorysSubscribersOnce() {
        EventEnvelope progress = EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_PROGRESS, "test", repository.id,
                new AnalysisProgress(UUID.randomUUID(), "collecting", 40, 4, 10L));
        try (StreamClient updates = StreamClient.connect(vertx, "/stream/repository/" + repository.id + "/updates",
                null)) {
            updates.drain(Duration.ofMillis(300));

            Events.publishAll(List.of(progress, progress));

            assertThat(updates.next(WAIT).at("/data/progress").asInt()).isEqualTo(40);
            assertThat(updates.drain(QUIET)).isEmpty();
        }
    }
}
