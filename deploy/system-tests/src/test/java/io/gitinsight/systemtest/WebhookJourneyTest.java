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

import io.gitinsight.systemtest.client.ApiResponse;
import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.client.StreamClient;
import io.gitinsight.systemtest.client.Webhooks;
import io.gitinsight.systemtest.client.Webhooks.Delivery;
import io.gitinsight.systemtest.github.Fixtures;
import io.gitinsight.systemtest.github.GitFigures;
import io.gitinsight.systemtest.platform.PlatformExtension;

/**
 * Journey 3: GitHub's own webhook examples, signed with the shared secret and delivered to the gateway, show
 * up in the webhook analytics and on the global activity stream, and move the repository's metrics: a pull
 * request opened adds one, and a push to the default branch brings its commit into the git figures.
 */
@Order(4)
@ExtendWith(PlatformExtension.class)
class WebhookJourneyTest {

    static final Duration SETTLE = Duration.ofSeconds(30);
    static final String REPOSITORY = World.OWNER + "/" + World.MAIN;

    @Test
    @Order(1)
    void aPingIsAnsweredAndADeliveryWithAWrongSignatureIsRefused(World world) {
        Delivery ping = world.webhooks().deliver("ping", Fixtures.webhook("ping/payload.json"));
        assertThat(ping.response().status()).as(ping.response().describe()).isEqualTo(200);

        byte[] body = Fixtures.webhook("pull_request/opened.payload.json");
        String forged = Webhooks.signature("not-the-secret", body);
        ApiResponse refused = world.webhooks().deliver("pull_request", "forged-1", body, forged);

        assertThat(refused.status()).as(refused.describe()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
        assertThat(world.api().get("/webhooks/events/forged-1", world.reader()).status()).isEqualTo(404);
    }

    @Test
    @Order(2)
    void signedDeliveriesReachTheAnalyticsTheActivityStreamAndTheMetrics(World world) throws Exception {
        Analyses.Analyzed main = world.mainRepository();
        String pulls = "/repositories/" + main.repositoryId() + "/pulls";
        assertThat(world.api().get(pulls, world.reader()).json().path("pagination").path("total").asInt()).isEqualTo(1);

        List<Delivery> deliveries = new ArrayList<>();
        try (StreamClient activity = StreamClient.open(world.platform().gatewayUrl(), "/stream/global/activity",
                Caller.GUEST);
                StreamClient issuesOnly = StreamClient.open(world.platform().gatewayUrl(),
                        "/stream/global/activity?event_type=issues", Caller.GUEST)) {
            for (String[] example : new String[][] { { "pull_request", "pull_request/opened.payload.json" },
                    { "pull_request_review", "pull_request_review/submitted.payload.json" },
                    { "issues", "issues/opened.payload.json" }, { "release", "release/published.payload.json" },
                    { "star", "star/created.payload.json" } }) {
                Delivery delivery = world.webhooks().deliver(example[0], Fixtures.webhook(example[1]));
                assertThat(delivery.response().status()).as(delivery.response().describe()).isEqualTo(202);
                assertThat(delivery.response().json().path("status").asText()).isEqualTo("ok");
                assertThat(delivery.response().json().path("delivery_id").asText()).isEqualTo(delivery.id());
                deliveries.add(delivery);
            }
            // GitHub redelivers: acknowledged, not processed again
            Delivery first = deliveries.get(0);
            ApiResponse again = world.webhooks().deliver(first.event(), first.id(),
                    Fixtures.webhook("pull_request/opened.payload.json"),
                    Webhooks.signature(io.gitinsight.systemtest.platform.Platform.WEBHOOK_SECRET,
                            Fixtures.webhook("pull_request/opened.payload.json")));
            assertThat(again.status()).as(again.describe()).isEqualTo(200);
            assertThat(again.json().path("status").asText()).isEqualTo("duplicate");

            for (Delivery delivery : deliveries) {
                JsonNode event = activity.await(m -> m.path("data").path("delivery_id").asText().equals(delivery.id()),
                        SETTLE);
                assertThat(event.path("type").asText()).isEqualTo("github.event");
                assertThat(event.path("repository_id").asText()).isEqualTo(main.repositoryId());
                assertThat(event.path("data").path("event").asText()).isEqualTo(delivery.event());
            }
            issuesOnly.await(m -> m.path("data").path("delivery_id").asText().equals(deliveries.get(2).id()), SETTLE);
            io.gitinsight.systemtest.client.Api.sleep(Duration.ofSeconds(1));
            for (Delivery delivery : deliveries) {
                assertThat(activity.received()).filteredOn(m -> m.path("data").path("delivery_id").asText()
                        .equals(delivery.id())).as("stream messages of " + delivery.event()).hasSize(1);
            }
            assertThat(issuesOnly.received()).allSatisfy(m -> assertThat(m.path("data").path("event").asText())
                    .isEqualTo("issues"));
        }

        checkAnalytics(world, deliveries);

        // the opened pull request (#2, 2019) is now one of the repository's, and of the whole history's metrics
        JsonNode withNewPull = world.api().poll(pulls, world.reader(), SETTLE,
                r -> r.json().path("pagination").path("total").asInt() == 2).json();
        JsonNode opened = find(withNewPull.path("data"), "number", "2");
        assertThat(opened.path("state").asText()).isEqualTo("open");
        assertThat(opened.path("author").asText()).isEqualTo("Codertocat");
        world.api().poll("/repositories/" + main.repositoryId() + "/metrics?window=all", world.reader(), SETTLE,
                r -> r.json().path("pull_requests").path("opened").asInt() == 2);
    }

    private static void checkAnalytics(World world, List<Delivery> deliveries) throws Exception {
        JsonNode events = world.api().poll("/webhooks/events?repository=" + REPOSITORY + "&page_size=100", world.reader(),
                SETTLE, r -> deliveries.stream().allMatch(d -> r.body().contains(d.id()))).json();
        for (Delivery delivery : deliveries) {
            JsonNode row = find(events.path("data"), "delivery_id", delivery.id());
            assertThat(row.path("event_type").asText()).isEqualTo(delivery.event());
            assertThat(row.path("status").asText()).isEqualTo("published");
            assertThat(row.path("attempts").asInt()).isEqualTo(1);
        }
        // the full payload is stored, exactly as GitHub sent it
        JsonNode stored = world.api().get("/webhooks/events/" + deliveries.get(0).id(), world.reader()).json();
        JsonNode payload = stored.path("payload").isTextual() ? Fixtures.JSON.readTree(stored.path("payload").asText())
                : stored.path("payload");
        assertThat(payload).isEqualTo(Fixtures.JSON.readTree(Fixtures.webhook("pull_request/opened.payload.json")));

        JsonNode perRepository = world.api().get("/webhooks/repositories", world.reader()).json();
        JsonNode ours = find(perRepository.path("data"), "repository", REPOSITORY);
        // five deliveries: the forged one was never stored, the redelivery was not stored twice
        assertThat(ours.path("total_events").asInt()).isEqualTo(5);
        assertThat(ours.path("successful_events").asInt()).isEqualTo(5);
        assertThat(ours.path("success_rate").asDouble()).isEqualTo(100.0);
    }

    @Test
    @Order(3)
    void aPushToTheDefaultBranchBringsItsCommitIntoTheGitFigures(World world) throws Exception {
        Analyses.Analyzed main = world.mainRepository();
        world.origin().pushCommit("src/main/java/demo/Version.java",
                "package demo;\n\nfinal class Version {\n    static final int MAJOR = 2;\n}\n", 1);
        GitFigures git = GitFigures.of(world.origin());

        // GitHub's example push is to refs/heads/master of this repository
        Delivery push = world.webhooks().deliver("push", Fixtures.webhook("push/with-new-branch.payload.json"));
        assertThat(push.response().status()).as(push.response().describe()).isEqualTo(202);

        JsonNode metrics = world.api().poll("/repositories/" + main.repositoryId() + "/metrics?window=all", world.reader(),
                Analyses.JOB_TIMEOUT, r -> r.json().path("commit_count").asLong() == git.commitCount()).json();
        assertThat(metrics.path("additions").asLong()).isEqualTo(git.additions());
        assertThat(metrics.path("deletions").asLong()).isEqualTo(git.deletions());
        assertThat(metrics.path("active_days").asLong()).isEqualTo(git.activeDays());
        assertThat(metrics.path("time_spent_minutes").asLong()).isEqualTo(git.timeSpentMinutes());
        assertThat(main.metrics().path("commit_count").asLong()).isEqualTo(git.commitCount() - 1);
    }
}
