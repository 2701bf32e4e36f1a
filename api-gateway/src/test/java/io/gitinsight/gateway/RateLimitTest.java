package io.gitinsight.gateway;

import static io.gitinsight.gateway.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.gateway.fakes.TestTokens;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Budgets through the gateway: the contract's 100 for guests, small ones for the other callers. */
@QuarkusTest
@TestProfile(RateLimitTest.SmallBudgets.class)
@QuarkusTestResource(FakeBackends.class)
class RateLimitTest {

    public static class SmallBudgets implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("gitinsight.gateway.rate-limit.roles.user", "5",
                    "gitinsight.gateway.rate-limit.webhooks-per-window", "3");
        }
    }

    private static final String READ = "/api/v1/repositories";

    @Inject
    RedisCounters counters;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @Test
    void limitsAGuestToAHundredPerHourWhateverForwardedForTheUntrustedPeerClaims() {
        for (int i = 1; i <= 100; i++) {
            Response response = Callers.guest().header("X-Forwarded-For", "203.0.113." + i).get(READ);
            assertThat(response.statusCode()).as("request " + i).isEqualTo(200);
            assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
            assertThat(response.header("X-RateLimit-Remaining")).isEqualTo(Integer.toString(100 - i));
        }

        Response refused = Callers.guest().header("X-Forwarded-For", "198.51.100.1").get(READ);

        assertError(refused, 429, "RATE_LIMIT_EXCEEDED");
        assertThat(refused.header("X-RateLimit-Remaining")).isEqualTo("0");
        long retryAfter = Long.parseLong(refused.header("Retry-After"));
        assertThat(retryAfter).isBetween(1L, 3600L);
        long reset = Long.parseLong(refused.header("X-RateLimit-Reset"));
        assertThat(reset).isBetween(Instant.now().getEpochSecond(), Instant.now().getEpochSecond() + 3601);
    }

    @Test
    void countsASignedInUserByAccountNotByAddress() {
        String alice = TestTokens.token(Role.USER);
        for (int i = 0; i < 5; i++) {
            Callers.withToken(alice).get(READ).then().statusCode(200).header("X-RateLimit-Limit", "5");
        }

        assertError(Callers.withToken(alice).get(READ), 429, "RATE_LIMIT_EXCEEDED");
        Callers.as(Role.USER).get(READ).then().statusCode(200).header("X-RateLimit-Remaining", "4");
        Callers.guest().get(READ).then().statusCode(200).header("X-RateLimit-Remaining", "99");
    }

    @Test
    void givesAnApiKeyTheLimitSetOnIt() {
        String key = FakeBackends.auth().issueKey(Role.ADMIN, 2, "repository:read");

        Callers.withKey(key).get(READ).then().statusCode(200).header("X-RateLimit-Limit", "2");
        Callers.withKey(key).get(READ).then().statusCode(200).header("X-RateLimit-Remaining", "0");
        assertError(Callers.withKey(key).get(READ), 429, "RATE_LIMIT_EXCEEDED");
    }

    @Test
    void limitsWebhookDeliveriesInABucketOfTheirOwn() {
        for (int i = 0; i < 3; i++) {
            Callers.guest().body("{}").post("/api/v1/webhooks/github").then().statusCode(200)
                    .header("X-RateLimit-Limit", "3");
        }

        assertError(Callers.guest().body("{}").post("/api/v1/webhooks/github"), 429, "RATE_LIMIT_EXCEEDED");
        Callers.guest().get(READ).then().statusCode(200).header("X-RateLimit-Remaining", "99");
    }

    @Test
    void countsRefusedCredentialsAndUnknownPathsAgainstTheAddress() {
        assertError(Callers.withToken("forged").get(READ), 401, "AUTHENTICATION_REQUIRED")
                .then().header("X-RateLimit-Remaining", "99");
        assertError(Callers.guest().get("/api/v1/nowhere"), 404, "NOT_FOUND").then().header("X-RateLimit-Remaining",
                "98");
    }
}
