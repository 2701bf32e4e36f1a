package io.gitinsight.gateway;

import static io.gitinsight.gateway.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.jose4j.jwk.RsaJsonWebKey;
import org.jose4j.jwk.RsaJwkGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.gateway.fakes.TestTokens;
import io.gitinsight.model.security.Role;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class AuthenticationTest {

    private static final String READ = "/api/v1/repositories";
    private static final String WRITE = "/api/v1/repositories";

    @Inject
    RedisCounters counters;
    @Inject
    RedisDataSource redis;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @AfterEach
    void publishOnlyTheCurrentKeyAndRecover() {
        FakeBackends.auth().resetKeys();
        FakeBackends.auth().failing(false);
    }

    @Test
    void refusesForgedExpiredWrongIssuerUnsignedAndConfusedTokensEvenWhereAGuestMayRead() throws Exception {
        assertRefused(TestTokens.signedWith(TestTokens.ROGUE, Role.ADMIN), "token invalid");
        assertRefused(TestTokens.expired(Role.ADMIN), "token expired");
        assertRefused(TestTokens.token(Role.ADMIN, c -> c.setIssuer("https://evil.example")), "token invalid");
        assertRefused(TestTokens.unsigned(Role.ADMIN), "token algorithm not accepted");
        assertRefused(TestTokens.hmacWithPublicKey(Role.ADMIN), "token algorithm not accepted");
        assertRefused("not.a.jwt", "token malformed");
        assertRefused(TestTokens.token(Role.USER, c -> c.setStringListClaim("groups", "superuser")),
                "token carries no known role");
    }

    @Test
    void leavesCredentialsToTheBackendOnRoutesThatNeedNone() {
        Callers.withToken(TestTokens.expired(Role.USER)).post("/api/v1/auth/refresh").then().statusCode(200);
    }

    @Test
    void refusesAnUnsupportedAuthorizationScheme() {
        assertError(Callers.guest().header("Authorization", "Basic dXNlcjpwYXNz").get(READ), 401,
                "AUTHENTICATION_REQUIRED");
    }

    @Test
    void refetchesTheJwksForAnUnknownKidButNotMoreOftenThanTheFloor() throws Exception {
        Callers.as(Role.USER).get(READ).then().statusCode(200);
        Thread.sleep(2100);
        RsaJsonWebKey stranger = RsaJwkGenerator.generateJwk(2048);
        stranger.setKeyId("key-stranger");
        int before = FakeBackends.auth().jwksFetches();

        assertRefused(TestTokens.signedWith(stranger, Role.USER), "token invalid");
        assertRefused(TestTokens.signedWith(stranger, Role.USER), "token invalid");
        assertThat(FakeBackends.auth().jwksFetches()).isEqualTo(before + 1);

        FakeBackends.auth().publish(TestTokens.NEXT);
        Thread.sleep(2100);
        Callers.withToken(TestTokens.signedWith(TestTokens.NEXT, Role.USER)).get(READ).then().statusCode(200);
        Callers.as(Role.USER).get(READ).then().statusCode(200);
        assertThat(FakeBackends.auth().jwksFetches()).isEqualTo(before + 2);
    }

    @Test
    void acceptsAnApiKeyInEitherHeaderWithItsScopesAsItsPermissions() {
        String key = FakeBackends.auth().issueKey(Role.USER, 1000, "repository:read", "insights:read");

        Callers.withKey(key).get(READ).then().statusCode(200);
        Callers.withToken(key).get(READ).then().statusCode(200);
        Response write = Callers.withKey(key).contentType("application/json").body("{}").post(WRITE);
        assertError(write, 403, "AUTHORIZATION_DENIED");
        assertThat(write.jsonPath().getString("error.details.permission")).isEqualTo("repository:analyze");
    }

    @Test
    void refusesAnUnknownApiKey() {
        assertError(Callers.withKey("gik_never-issued").get(READ), 401, "AUTHENTICATION_REQUIRED");
        assertError(Callers.withToken("gik_never-issued").get(READ), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void cachesAVerifiedKeyUnderItsHashOnly() {
        String key = FakeBackends.auth().issueKey(Role.PREMIUM, 5000, "insights:export");
        int before = FakeBackends.auth().keyChecks();

        Callers.withKey(key).get("/api/v1/repositories/r1/insights/export").then().statusCode(200);
        Callers.withKey(key).get("/api/v1/repositories/r1/insights/export").then().statusCode(200);

        assertThat(FakeBackends.auth().keyChecks()).isEqualTo(before + 1);
        var cached = redis.key().keys(FakeBackends.PREFIX + "apikey:*");
        assertThat(cached).isNotEmpty().noneMatch(k -> k.contains(key.substring(4)));
        cached.forEach(k -> assertThat(redis.value(String.class).get(k)).doesNotContain(key.substring(4)));
    }

    @Test
    void refusesARevokedKeyOnceItsCacheEntryExpires() throws Exception {
        String key = FakeBackends.auth().issueKey(Role.USER, 1000, "repository:read");
        Callers.withKey(key).get(READ).then().statusCode(200);

        FakeBackends.auth().revoke(key);
        Callers.withKey(key).get(READ).then().statusCode(200);
        Thread.sleep(1200);

        assertError(Callers.withKey(key).get(READ), 401, "AUTHENTICATION_REQUIRED");
    }

    @Test
    void answersUnavailableWhenAuthServiceCannotCheckACredentialButKeepsUsingCachedKeys() {
        Callers.as(Role.USER).get(READ).then().statusCode(200);
        String key = FakeBackends.auth().issueKey(Role.USER, 1000, "repository:read");
        FakeBackends.auth().failing(true);

        Response response = Callers.withKey(key).get(READ);

        assertError(response, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(response.jsonPath().getString("error.details.service")).isEqualTo("auth");
        Callers.as(Role.USER).get(READ).then().statusCode(200);
    }

    private static void assertRefused(String token, String reason) {
        for (Response response : new Response[] { Callers.withToken(token).get(READ),
                Callers.withToken(token).contentType("application/json").body("{}").post(WRITE) }) {
            assertError(response, 401, "AUTHENTICATION_REQUIRED");
            assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo(reason);
        }
    }
}
