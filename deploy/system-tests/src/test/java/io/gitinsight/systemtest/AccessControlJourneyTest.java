package io.gitinsight.systemtest;

import static io.gitinsight.systemtest.AnalysisJourneyTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.ApiResponse;
import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.client.Login.Tokens;
import io.gitinsight.systemtest.platform.PlatformExtension;

/**
 * Journey 4: the role matrix of CONTRACT §2 at the gateway, for a guest, a user, a premium user (promoted by an
 * admin), an admin and API keys, with each caller's rate-limit budget; and a guest's hourly limit running out.
 */
@Order(5)
@ExtendWith(PlatformExtension.class)
class AccessControlJourneyTest {

    /** Reading, analyzing (following), exporting, administering: what each caller gets for each. */
    record Probe(String read, String analyze, String export, String admin) {
    }

    private static Probe paths(World world) {
        String id = world.mainRepository().repositoryId();
        return new Probe("/repositories/" + id + "/metrics", "/repositories/" + id + "/follow",
                "/repositories/" + id + "/insights/export?format=csv", "/admin/users");
    }

    @Test
    @Order(1)
    void aGuestReadsButNeitherAnalyzesNorExportsNorAdministers(World world) {
        Probe p = paths(world);
        Caller guest = Caller.guestAt("198.51.100.1");

        ApiResponse read = world.api().get(p.read(), guest);
        assertThat(read.status()).as(read.describe()).isEqualTo(200);
        assertThat(read.header("X-RateLimit-Limit")).isEqualTo("100");
        expect(world.api().post(p.analyze(), null, guest), 401, "AUTHENTICATION_REQUIRED");
        expect(world.api().get(p.export(), guest), 401, "AUTHENTICATION_REQUIRED");
        expect(world.api().get(p.admin(), guest), 401, "AUTHENTICATION_REQUIRED");
        expect(world.api().post("/repositories", Map.of("full_name", "Codertocat/Other"), guest), 401,
                "AUTHENTICATION_REQUIRED");
    }

    @Test
    @Order(2)
    void aUserAnalyzesButNeitherExportsNorAdministers(World world) {
        Probe p = paths(world);
        Caller alice = world.alice().caller();

        ApiResponse follow = world.api().post(p.analyze(), null, alice);
        assertThat(follow.status()).as(follow.describe()).isEqualTo(200);
        assertThat(follow.header("X-RateLimit-Limit")).isEqualTo("1000");
        expect(world.api().get(p.export(), alice), 403, "AUTHORIZATION_DENIED");
        expect(world.api().get(p.admin(), alice), 403, "AUTHORIZATION_DENIED");
        expect(world.api().get("/system/status", alice), 403, "AUTHORIZATION_DENIED");
    }

    @Test
    @Order(3)
    void anAdminPromotesAUserToPremiumWhoThenExports(World world) {
        Probe p = paths(world);
        Tokens pat = world.session(World.PAT);
        expect(world.api().get(p.export(), pat.caller()), 403, "AUTHORIZATION_DENIED");

        ApiResponse promoted = world.api().put("/admin/users/" + pat.userId() + "/role", Map.of("role", "premium"),
                world.admin().caller());
        assertThat(promoted.status()).as(promoted.describe()).isEqualTo(200);
        assertThat(promoted.json().path("role").asText()).isEqualTo("premium");

        // the role travels in the access token: the next one (a refresh) carries the new role
        Tokens premium = world.login().refresh(pat);
        world.replaceSession(premium);
        ApiResponse export = world.api().get(p.export(), premium.caller());
        assertThat(export.status()).as(export.describe()).isEqualTo(200);
        assertThat(export.header("Content-Type")).startsWith("text/csv");
        assertThat(export.header("X-RateLimit-Limit")).isEqualTo("5000");
        assertThat(export.body().lines().findFirst().orElse("")).contains("type");
        // one line per insight of the repository, after the header
        long insights = world.api().get("/repositories/" + world.mainRepository().repositoryId() + "/insights",
                world.reader()).json().path("pagination").path("total").asLong();
        assertThat(export.body().lines().count()).isEqualTo(insights + 1);
        expect(world.api().get(p.admin(), premium.caller()), 403, "AUTHORIZATION_DENIED");
    }

    @Test
    @Order(4)
    void anAdminSeesTheUsersTheAuditTrailAndTheSystem(World world) {
        Caller admin = world.admin().caller();

        JsonNode users = world.api().get("/admin/users?page_size=100", admin).json();
        assertThat(users.path("data").findValuesAsText("username")).contains("alice", "pat", "ada-admin");
        assertThat(find(users.path("data"), "username", "pat").path("role").asText()).isEqualTo("premium");

        ApiResponse audit = world.api().get("/admin/audit-logs?actor=ada-admin", admin);
        assertThat(audit.status()).as(audit.describe()).isEqualTo(200);
        assertThat(audit.body()).contains("role");

        ApiResponse status = world.api().get("/system/status", admin);
        assertThat(status.status()).as(status.describe()).isEqualTo(200);
        for (String service : List.of("auth-service", "ingestion-service", "analysis-service", "query-service")) {
            assertThat(status.body()).contains(service);
        }
    }

    @Test
    @Order(5)
    void anApiKeyActsWithinItsScopesAndItsOwnBudget(World world) {
        Probe p = paths(world);
        Caller alice = world.alice().caller();
        ApiResponse tooMuch = world.api().post("/auth/api-keys", Map.of("name", "export", "scopes",
                List.of("insights:export")), alice);
        expect(tooMuch, 403, "AUTHORIZATION_DENIED");

        ApiResponse created = world.api().post("/auth/api-keys", Map.of("name", "dashboard", "scopes",
                List.of("repository:read", "insights:read"), "rate_limit_per_hour", 300), alice);
        assertThat(created.status()).as(created.describe()).isEqualTo(201);
        String key = created.json().path("key").asText();
        assertThat(key).startsWith("gik_");

        for (Caller withKey : List.of(Caller.apiKey("read key", key), Caller.bearer("read key as bearer", key))) {
            ApiResponse read = world.api().get(p.read(), withKey);
            assertThat(read.status()).as(read.describe()).isEqualTo(200);
            assertThat(read.header("X-RateLimit-Limit")).isEqualTo("300");
            expect(world.api().post(p.analyze(), null, withKey), 403, "AUTHORIZATION_DENIED");
            expect(world.api().get(p.export(), withKey), 403, "AUTHORIZATION_DENIED");
        }

        String analyzeKey = world.api().post("/auth/api-keys", Map.of("name", "automation", "scopes",
                List.of("repository:read", "repository:analyze")), alice).json().path("key").asText();
        ApiResponse follow = world.api().post(p.analyze(), null, Caller.apiKey("analyze key", analyzeKey));
        assertThat(follow.status()).as(follow.describe()).isEqualTo(200);
        assertThat(follow.header("X-RateLimit-Limit")).isEqualTo("1000");
    }

    @Test
    @Order(6)
    void aGuestAddressRunsOutAfterAHundredRequestsAnHourAndOthersDoNot(World world) {
        String path = paths(world).read();
        Caller guest = Caller.guestAt("203.0.113.77");

        for (int i = 1; i <= 100; i++) {
            ApiResponse ok = world.api().get(path, guest);
            assertThat(ok.status()).as("request " + i + ": " + ok.describe()).isEqualTo(200);
            assertThat(ok.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
        }
        ApiResponse limited = world.api().get(path, guest);

        expect(limited, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(Long.parseLong(limited.header("Retry-After"))).isBetween(1L, 3600L);
        assertThat(limited.header("X-RateLimit-Remaining")).isEqualTo("0");
        ApiResponse otherGuest = world.api().get(path, Caller.guestAt("203.0.113.78"));
        assertThat(otherGuest.status()).as(otherGuest.describe()).isEqualTo(200);
        assertThat(otherGuest.header("X-RateLimit-Remaining")).isEqualTo("99");
    }

    static void expect(ApiResponse response, int status, String code) {
        assertThat(response.status()).as(response.describe()).isEqualTo(status);
        assertThat(response.errorCode()).as(response.describe()).isEqualTo(code);
    }
}
