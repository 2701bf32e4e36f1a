package io.gitinsight.query.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

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

/** A private repository's streams: they open only for its followers and admins, and carry its events to no one else. */
@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class PrivateStreamsTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final Duration QUIET = Duration.ofMillis(700);

    @Inject
    Vertx vertx;
    private final UUID follower = UUID.randomUUID();
    private RepositoryRow secret;
    private RepositoryRow open;

    @BeforeEach
    void seed() {
        secret = RepositoryRow.named("octo/stream-secret-" + UUID.randomUUID()).privateRepository();
        open = RepositoryRow.named("octo/stream-open-" + UUID.randomUUID());
        secret.insert();
        open.insert();
        AnalysisRows.follow(follower, secret.id);
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(secret.id, open.id);
    }

    @Test
    void opensAPrivateRepositorysUpdatesOnlyForItsFollowersAndAdmins() {
        String path = "/stream/repository/" + secret.id + "/updates";
        assertThat(closeCode(path, null)).isEqualTo(4404);
        assertThat(closeCode(path, TestTokens.token(Role.USER))).isEqualTo(4404);
        try (StreamClient mine = connect(path, TestTokens.token(Role.USER, follower));
                StreamClient admin = connect(path, TestTokens.token(Role.ADMIN))) {
            Events.progress(secret.id, "collecting", 40);
            assertThat(mine.next(WAIT).at("/data/progress").asInt()).isEqualTo(40);
            assertThat(admin.next(WAIT).at("/data/progress").asInt()).isEqualTo(40);
        }
    }

    @Test
    void globalActivityCarriesAPrivateRepositorysEventsToItsFollowersOnly() {
        try (StreamClient guest = connect("/stream/global/activity", null);
                StreamClient stranger = connect("/stream/global/activity", TestTokens.token(Role.USER));
                StreamClient mine = connect("/stream/global/activity", TestTokens.token(Role.USER, follower))) {
            Events.github("push", secret.fullName, null, Json.mapper().createObjectNode().put("commits", 1));
            Events.github("push", open.fullName, null, Json.mapper().createObjectNode().put("commits", 2));

            assertThat(mine.next(WAIT).get("repository_id").asText()).isEqualTo(secret.id.toString());
            assertThat(mine.next(WAIT).get("repository_id").asText()).isEqualTo(open.id.toString());
            // each hears the public event, and nothing before it
            assertThat(guest.next(WAIT).get("repository_id").asText()).isEqualTo(open.id.toString());
            assertThat(stranger.next(WAIT).get("repository_id").asText()).isEqualTo(open.id.toString());
            assertThat(guest.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void globalActivityCarriesAnUntrackedPrivateRepositorysEventsToAdminsOnly() {
        String untracked = "octo/untracked-secret-" + UUID.randomUUID();
        try (StreamClient guest = connect("/stream/global/activity", null);
                StreamClient admin = connect("/stream/global/activity", TestTokens.token(Role.ADMIN))) {
            Events.github("push", untracked, null, Json.mapper().createObjectNode().put("commits", 6)
                    .put("repository_private", true));
            Events.github("push", open.fullName, null, Json.mapper().createObjectNode().put("commits", 7));

            assertThat(admin.next(WAIT).at("/data/data/commits").asInt()).isEqualTo(6);
            assertThat(admin.next(WAIT).at("/data/data/commits").asInt()).isEqualTo(7);
            assertThat(guest.next(WAIT).at("/data/data/commits").asInt()).isEqualTo(7);
            assertThat(guest.drain(QUIET)).isEmpty();
        }
    }

    @Test
    void aRepositorysEventsReachANewFollowerAndLeaveAFormerOne() {
        UUID user = UUID.randomUUID();
        try (StreamClient stream = connect("/stream/global/activity", TestTokens.token(Role.USER, user))) {
            AnalysisRows.follow(user, secret.id);
            Events.followed(user, secret.id, true);
            Events.github("push", secret.fullName, null, Json.mapper().createObjectNode().put("commits", 3));
            assertThat(stream.next(WAIT).at("/data/data/commits").asInt()).isEqualTo(3);

            Db.execute("DELETE FROM analysis.follows WHERE user_id = ? AND repository_id = ?", user, secret.id);
            Events.followed(user, secret.id, false);
            Events.github("push", secret.fullName, null, Json.mapper().createObjectNode().put("commits", 4));
            Events.github("push", open.fullName, null, Json.mapper().createObjectNode().put("commits", 5));
            assertThat(stream.next(WAIT).at("/data/data/commits").asInt()).isEqualTo(5);
        }
    }

    /** Opens a stream and lets the handshake finish (credentials, follows) before anything is published. */
    private StreamClient connect(String path, String token) {
        StreamClient client = StreamClient.connect(vertx, path, token);
        client.drain(Duration.ofMillis(300));
        return client;
    }

    private int closeCode(String path, String token) {
        try (StreamClient client = StreamClient.connect(vertx, path, token)) {
            return client.closeCode(WAIT);
        }
    }
}
