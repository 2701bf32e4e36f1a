package io.gitinsight.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.json.Json;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.Eventually;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.StreamClient;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

/**
 * A subscriber that stops reading: once the kernel buffers between it and the service are full its
 * messages pile up in the service, and at the buffer limit (32 in tests) it is dropped with 4408, while a
 * subscriber that reads gets every message.
 */
@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class SlowSubscriberTest {

    /** 48 KB a message: 150 of them (7 MB) are more than any socket buffer plus 32 messages can hold. */
    private static final int PADDING = 48 * 1024;
    private static final int EVENTS = 150;

    @Inject
    Vertx vertx;
    @Inject
    MeterRegistry registry;

    @Test
    void dropsASlowSubscriberWhileAFastOneKeepsReceiving() {
        String repository = "slow/" + UUID.randomUUID();
        String path = "/stream/global/activity?repository=" + repository;
        double droppedBefore = dropped();
        try (StreamClient fast = StreamClient.connect(vertx, path, null);
                StreamClient slow = StreamClient.connect(vertx, path, null, 4096)) {
            slow.pause();

            Events.publishAll(events(repository));

            Eventually.until("the fast subscriber has every message", Duration.ofSeconds(30),
                    () -> fast.received() == EVENTS);
            Eventually.until("the slow subscriber is dropped", Duration.ofSeconds(10), () -> dropped() > droppedBefore);
            slow.resume();
            assertThat(slow.closeCode(Duration.ofSeconds(10))).isEqualTo(4408);
            assertThat(slow.received()).isLessThan(EVENTS);
            assertThat(dropped() - droppedBefore).isEqualTo(1.0);
        }
    }

    private double dropped() {
        return registry.get("query.stream.dropped").counter().count();
    }

    private static List<EventEnvelope> events(String repository) {
        List<EventEnvelope> events = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            ObjectNode data = Json.mapper().createObjectNode().put("n", i).put("padding", "x".repeat(PADDING));
            events.add(EventEnvelope.of(EventType.GITHUB_EVENT_RECEIVED, "slow-test", null, new GitHubEventReceived(
                    UUID.randomUUID().toString(), "push", null, repository, null, "octocat", java.time.Instant.now(), data)));
        }
        return events;
    }
}
