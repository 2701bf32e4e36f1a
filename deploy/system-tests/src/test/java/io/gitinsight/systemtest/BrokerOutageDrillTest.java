package io.gitinsight.systemtest;

import static io.gitinsight.systemtest.AnalysisJourneyTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.Api;
import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.client.StreamClient;
import io.gitinsight.systemtest.client.Webhooks.Delivery;
import io.gitinsight.systemtest.github.Fixtures;
import io.gitinsight.systemtest.platform.Broker;
import io.gitinsight.systemtest.platform.Platform;
import io.gitinsight.systemtest.platform.PlatformExtension;
import io.gitinsight.systemtest.platform.ServiceProcess;
import io.gitinsight.systemtest.platform.Timeline;

/**
 * Fault drill 2: RabbitMQ stops for a few seconds while GitHub delivers webhooks. Every delivery the gateway
 * acknowledged with 202 was stored; once the broker is back each one is published and reaches the activity
 * stream exactly once, the consumers drain their queues, and nothing is dead-lettered.
 */
@Order(7)
@ExtendWith(PlatformExtension.class)
class BrokerOutageDrillTest {

    static final List<String[]> DURING_OUTAGE = List.of(new String[] { "issues", "issues/labeled.payload.json" },
            new String[] { "issues", "issues/assigned.payload.json" }, new String[] { "issues", "issues/edited.payload.json" },
            new String[] { "pull_request", "pull_request/labeled.payload.json" },
            new String[] { "pull_request", "pull_request/assigned.payload.json" },
            new String[] { "pull_request", "pull_request/reopened.payload.json" });
    static final Duration RECOVERY = Duration.ofSeconds(90);

    @Test
    void everyDeliveryAcknowledgedWhileTheBrokerWasDownIsProcessedOnceItIsBack(World world) throws Exception {
        String repositoryId = world.mainRepository().repositoryId();
        Broker broker = world.platform().broker();
        List<Delivery> acknowledged = new ArrayList<>();
        Timeline timeline = new Timeline("broker outage");

        try (StreamClient activity = StreamClient.open(world.platform().gatewayUrl(), "/stream/global/activity",
                Caller.GUEST)) {
            try {
                broker.stopApp();
                timeline.mark("broker stopped");
                for (String[] example : DURING_OUTAGE) {
                    Delivery delivery = world.webhooks().deliver(example[0], Fixtures.webhook(example[1]));
                    assertThat(delivery.response().status()).as(delivery.response().describe()).isEqualTo(202);
                    acknowledged.add(delivery);
                }
                Api.sleep(Duration.ofSeconds(3));
                assertThat(activity.received()).as("nothing can be published while the broker is down").isEmpty();
            } finally {
                if (!broker.up()) {
                    broker.startApp();
                }
                timeline.mark("deliveries acknowledged, broker started again");
            }

            for (Delivery delivery : acknowledged) {
                JsonNode event = activity.await(m -> m.path("data").path("delivery_id").asText().equals(delivery.id()),
                        RECOVERY);
                assertThat(event.path("repository_id").asText()).isEqualTo(repositoryId);
            }
            timeline.mark("every delivery on the stream");
            awaitReady(world);
            timeline.mark("every service ready");
            Api.sleep(Duration.ofSeconds(2));
            for (Delivery delivery : acknowledged) {
                assertThat(activity.received()).filteredOn(m -> m.path("data").path("delivery_id").asText()
                        .equals(delivery.id())).as("stream messages of " + delivery.id()).hasSize(1);
            }
        }

        // the connector kept each message while the broker was away and sent it when it came back: its late
        // confirm marks the delivery published (before 2026-12-05 only the relay's next round, after its 30 s
        // lease, did). Any copy the relay publishes too reaches nobody twice: same envelope id
        JsonNode events = world.api().poll("/webhooks/events?repository=" + World.OWNER + "/" + World.MAIN
                + "&status=published&page_size=100", world.reader(), RECOVERY,
                r -> acknowledged.stream().allMatch(d -> r.body().contains(d.id()))).json();
        timeline.mark("every delivery published");
        for (Delivery delivery : acknowledged) {
            JsonNode row = find(events.path("data"), "delivery_id", delivery.id());
            assertThat(row.path("published_at").asText()).isNotEmpty();
            assertThat(row.path("attempts").asInt()).isPositive();
        }
        for (String queue : Broker.QUEUES) {
            broker.awaitEmpty(queue, RECOVERY);
        }
        assertThat(broker.depth(Broker.DEAD_LETTER_QUEUE)).isZero();
        timeline.mark("queues drained");
        // the pull request the deliveries were about is still one pull request
        JsonNode pulls = world.api().get("/repositories/" + repositoryId + "/pulls", world.reader()).json();
        assertThat(pulls.path("data").findValuesAsText("number")).containsOnlyOnce("2");
    }

    /** Every service is ready again (each checks its broker connection) before the next journey uses them. */
    private static void awaitReady(World world) throws Exception {
        for (String module : List.of(Platform.AUTH, Platform.INGESTION, Platform.ANALYSIS, Platform.QUERY,
                Platform.GATEWAY)) {
            ServiceProcess service = world.platform().service(module);
            service.awaitReady(RECOVERY);
        }
    }
}
