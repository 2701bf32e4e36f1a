package io.gitinsight.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Role;
import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.gitinsight.query.support.StreamClient;
import io.gitinsight.query.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.Vertx;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class StreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);

    @Inject
    Vertx vertx;
    private RepositoryRow a;
    private RepositoryRow b;

    @BeforeEach
    void seed() {
        a = RepositoryRow.named("octo/stream-a-" + UUID.randomUUID());
        b = RepositoryRow.named("octo/stream-b-" + UUID.randomUUID());
        a.insert();
        b.insert();
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(a.id, b.id);
    }

    @Test
    void deliversARepositorysUpdatesToItsSubscribersOnly() {
        try (StreamClient ofA = updates(a.id, null); StreamClient ofB = updates(b.id, null)) {
            Events.progress(a.id, "collecting", 40);

            JsonNode message = ofA.next(WAIT);
            assertThat(message.get("type").asText()).isEqualTo("analysis.progress");
            assertThat(message.get("repository_id").asText()).isEqualTo(a.id.toString());
            assertThat(message.get("occurred_at").asText()).isNotBlank();
            assertThat(message.at("/data/stage").asText()).isEqualTo("collecting");
            assertThat(message.at("/data/progress").asInt()).isEqualTo(40);
            assertThat(ofB.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void sendsARedeliveredEventOnlyOnce() {
        try (StreamClient ofA = updates(a.id, null)) {
            var once = Events.progress(a.id, "collecting", 60);
            Events.publish(once);

            assertThat(ofA.next(WAIT).at("/data/progress").asInt()).isEqualTo(60);
            assertThat(ofA.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void sendsANewSubscriberTheLatestStateFirst() {
        try (StreamClient first = updates(a.id, null)) {
            Events.progress(a.id, "computing", 80);
            first.next(WAIT);
        }
        try (StreamClient late = StreamClient.connect(vertx, "/stream/repository/" + a.id + "/updates", null)) {
            JsonNode latest = late.next(WAIT);
            assertThat(latest.get("type").asText()).isEqualTo("analysis.progress");
            assertThat(latest.at("/data/stage").asText()).isEqualTo("computing");
        }
        // without any event seen, the latest job stands in
        AnalysisRows.job(b.id, "running", "collecting", 25, Instant.parse("2024-05-01T00:00:00Z"));
        try (StreamClient fresh = StreamClient.connect(vertx, "/stream/repository/" + b.id + "/updates", null)) {
            JsonNode latest = fresh.next(WAIT);
            assertThat(latest.get("type").asText()).isEqualTo("analysis.progress");
            assertThat(latest.at("/data/progress").asInt()).isEqualTo(25);
            assertThat(latest.at("/data/stage").asText()).isEqualTo("collecting");
        }
    }

    @Test
    void fansGitHubEventsOutToMatchingGlobalSubscribers() {
        try (StreamClient everything = StreamClient.connect(vertx, "/stream/global/activity", null);
                StreamClient pushes = StreamClient.connect(vertx, "/stream/global/activity?event_type=push", null);
                StreamClient ofA = StreamClient.connect(vertx, "/stream/global/activity?repository=" + a.fullName, null);
                StreamClient ofAById = StreamClient.connect(vertx, "/stream/global/activity?repository=" + a.id, null)) {
            settle(ofAById);
            Events.github("pull_request", "elsewhere/untracked", 1L, Json.mapper().createObjectNode().put("number", 7));
            Events.github("push", a.fullName.toUpperCase(), null, Json.mapper().createObjectNode().put("commits", 3));

            JsonNode untracked = everything.next(WAIT);
            JsonNode push = everything.next(WAIT);
            assertThat(untracked.get("type").asText()).isEqualTo("github.event");
            assertThat(untracked.get("repository_id").isNull()).isTrue();
            assertThat(untracked.at("/data/event").asText()).isEqualTo("pull_request");
            // named only by full name (any case): resolved to our id
            assertThat(push.get("repository_id").asText()).isEqualTo(a.id.toString());
            assertThat(push.at("/data/data/commits").asInt()).isEqualTo(3);
            assertThat(pushes.next(WAIT).at("/data/event").asText()).isEqualTo("push");
            assertThat(ofA.next(WAIT).at("/data/event").asText()).isEqualTo("push");
            assertThat(ofAById.next(WAIT).at("/data/event").asText()).isEqualTo("push");
            assertThat(pushes.drain(QUIET)).isEmpty();
            assertThat(ofA.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void feedsAUserTheRepositoriesTheyFollowAsTheyFollowThem() {
        UUID user = UUID.randomUUID();
        AnalysisRows.follow(user, a.id);
        try (StreamClient feed = StreamClient.connect(vertx, "/stream/user/" + user + "/feed",
                TestTokens.token(Role.USER, user))) {
            settle(feed);
            Events.progress(b.id, "collecting", 10);
            Events.progress(a.id, "collecting", 20);
            assertThat(feed.next(WAIT).get("repository_id").asText()).isEqualTo(a.id.toString());

            Events.followed(user, b.id, true);
            Events.progress(b.id, "collecting", 30);
            JsonNode followed = feed.next(WAIT);
            assertThat(followed.get("repository_id").asText()).isEqualTo(b.id.toString());
            assertThat(followed.at("/data/progress").asInt()).isEqualTo(30);

            Events.followed(user, a.id, false);
            Events.progress(a.id, "collecting", 50);
            assertThat(feed.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void closesUnauthenticatedAndForbiddenSubscriptionsWithTheirCodes() {
        UUID owner = UUID.randomUUID();
        assertThat(closeCode("/stream/user/" + owner + "/feed", null)).isEqualTo(4401);
        assertThat(closeCode("/stream/user/" + owner + "/feed", TestTokens.forged(Role.USER))).isEqualTo(4401);
        assertThat(closeCode("/stream/user/" + owner + "/feed", TestTokens.expired(Role.ADMIN))).isEqualTo(4401);
        assertThat(closeCode("/stream/repository/" + a.id + "/updates", TestTokens.forged(Role.USER))).isEqualTo(4401);
        assertThat(closeCode("/stream/user/" + owner + "/feed", TestTokens.token(Role.PREMIUM))).isEqualTo(4403);
        assertThat(closeCode("/stream/repository/" + UUID.randomUUID() + "/updates", null)).isEqualTo(4404);
        assertThat(closeCode("/stream/repository/not-an-id/updates", null)).isEqualTo(4400);
    }

    @Test
    void letsAnAdminOpenAnyFeedAndTakesTheTokenFromTheQuery() {
        UUID owner = UUID.randomUUID();
        AnalysisRows.follow(owner, a.id);
        try (StreamClient admin = StreamClient.connect(vertx, "/stream/user/" + owner + "/feed",
                TestTokens.token(Role.ADMIN));
                StreamClient self = StreamClient.connect(vertx, "/stream/user/" + owner + "/feed?access_token="
                        + TestTokens.token(Role.USER, owner), null)) {
            settle(admin);
            settle(self);
            Events.progress(a.id, "done", 100);
            assertThat(admin.next(WAIT).get("repository_id").asText()).isEqualTo(a.id.toString());
            assertThat(self.next(WAIT).get("repository_id").asText()).isEqualTo(a.id.toString());
            String metrics = io.restassured.RestAssured.given().get("/metrics").then().extract().asString();
            assertThat(metrics).containsPattern("query_stream_connections\\{stream=\"feed\"[^}]*} [2-9]");
        }
    }

    /** Opens a repository's stream and lets it settle, taking the latest state out of the way. */
    private StreamClient updates(UUID repository, String token) {
        StreamClient client = StreamClient.connect(vertx, "/stream/repository/" + repository + "/updates", token);
        settle(client);
        return client;
    }

    /** The handshake is done before the stream is registered (credentials, follows): give it a moment. */
    private static void settle(StreamClient client) {
        client.drain(Duration.ofMillis(300));
    }

    private int closeCode(String path, String token) {
        try (StreamClient client = StreamClient.connect(vertx, path, token)) {
            return client.closeCode(WAIT);
        }
    }
}
