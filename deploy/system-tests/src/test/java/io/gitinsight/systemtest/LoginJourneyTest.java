package io.gitinsight.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.ApiResponse;
import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.client.Login.Tokens;
import io.gitinsight.systemtest.platform.Platform;
import io.gitinsight.systemtest.platform.PlatformExtension;

/** Journey 1: signing in with GitHub through the gateway, and who the platform then says one is. */
@Order(1)
@ExtendWith(PlatformExtension.class)
class LoginJourneyTest {

    @Test
    @Order(1)
    void aUserSignsInThroughGitHubAndReadsWhoTheyAre(World world) {
        Tokens alice = world.alice();

        ApiResponse me = world.api().get("/auth/me", alice.caller());

        assertThat(me.status()).as(me.describe()).isEqualTo(200);
        JsonNode body = me.json();
        assertThat(body.path("id").asText()).isEqualTo(alice.userId());
        assertThat(body.path("github_id").asLong()).isEqualTo(9002);
        assertThat(body.path("username").asText()).isEqualTo("alice");
        assertThat(body.path("name").asText()).isEqualTo("Alice Analyst");
        // alice keeps her email private: the primary verified one comes from /user/emails
        assertThat(body.path("email").asText()).isEqualTo("alice@example.com");
        assertThat(body.path("role").asText()).isEqualTo("user");
        assertThat(texts(body.path("permissions"))).containsExactly("insights:read", "repository:analyze",
                "repository:read");
        assertThat(body.path("created_at").asText()).isNotEmpty();
        assertThat(body.path("last_login").asText()).isNotEmpty();
    }

    @Test
    @Order(2)
    void aLoginNamedInAdminLoginsIsAnAdminFromItsFirstSignIn(World world) {
        ApiResponse me = world.api().get("/auth/me", world.admin().caller());

        assertThat(me.status()).as(me.describe()).isEqualTo(200);
        assertThat(me.json().path("username").asText()).isEqualTo(Platform.ADMIN_LOGIN);
        assertThat(me.json().path("role").asText()).isEqualTo("admin");
        assertThat(texts(me.json().path("permissions"))).containsExactly("admin:system", "admin:users",
                "insights:export", "insights:read", "repository:analyze", "repository:read");
    }

    @Test
    @Order(3)
    void theCallbackCannotBeReplayedAndACodeGitHubRefusesIsNoLogin(World world) {
        Tokens pat = world.login().signIn(World.PAT);

        // the state of that login was single use
        ApiResponse replayed = world.api().send("GET", pat.callbackUrl(), null, Caller.GUEST,
                Map.of("Accept", "application/json"));
        assertThat(replayed.status()).as(replayed.describe()).isEqualTo(400);
        assertThat(replayed.errorCode()).isEqualTo("VALIDATION_ERROR");

        // a fresh state with a code GitHub does not know (the fake answers bad_verification_code)
        String authorize = world.api().get("/auth/github/login", Caller.GUEST).header("Location");
        String state = authorize.replaceAll(".*[?&]state=([^&]+).*", "$1");
        ApiResponse refused = world.api().send("GET", "/auth/github/callback?code=stolen&state=" + state, null,
                Caller.GUEST, Map.of("Accept", "application/json"));
        assertThat(refused.status()).as(refused.describe()).isEqualTo(401);
        assertThat(refused.errorCode()).isEqualTo("AUTHENTICATION_REQUIRED");
    }

    @Test
    @Order(4)
    void aRefreshTokenIsRotatedAndTheOldOneStopsWorking(World world) {
        Tokens first = world.login().signIn(World.PAT);
        Tokens second = world.login().refresh(first);

        assertThat(second.accessToken()).isNotEqualTo(first.accessToken());
        assertThat(world.api().get("/auth/me", second.caller()).json().path("username").asText()).isEqualTo("pat");
        ApiResponse reused = world.api().post("/auth/refresh", Map.of("refresh_token", first.refreshToken()),
                Caller.GUEST);
        assertThat(reused.status()).as(reused.describe()).isEqualTo(401);
    }

    static java.util.List<String> texts(JsonNode array) {
        java.util.List<String> values = new java.util.ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
