package io.gitinsight.gateway;

import static io.gitinsight.gateway.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** CORS with the default {@code CORS_ORIGINS} (http://localhost:5173 and http://localhost:3000). */
@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class CorsTest {

    private static final String FRONTEND = "http://localhost:5173";
    private static final String STRANGER = "https://evil.example";

    @Inject
    RedisCounters counters;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @Test
    void allowsAListedOriginWithCredentials() {
        Response response = Callers.as(Role.USER).header("Origin", FRONTEND).get("/api/v1/repositories");

        response.then().statusCode(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Expose-Headers")).contains("X-RateLimit-Remaining", "X-Request-Id");
        assertThat(response.headers().getValues("Access-Control-Allow-Origin")).hasSize(1);
        assertThat(response.header("Vary")).contains("Origin");
    }

    @Test
    void givesAnUnlistedOriginNoCorsHeaders() {
        Response response = Callers.guest().header("Origin", STRANGER).get("/api/v1/repositories");

        response.then().statusCode(200);
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Credentials")).isNull();
    }

    @Test
    void answersAPreflightFromAListedOriginItself() {
        int before = FakeBackends.auth().keyChecks();
        Response response = Callers.guest().header("Origin", "http://localhost:3000")
                .header("Access-Control-Request-Method", "POST")
                .header("Access-Control-Request-Headers", "authorization, content-type, x-api-key")
                .options("/api/v1/repositories");

        response.then().statusCode(204);
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo("http://localhost:3000");
        assertThat(response.header("Access-Control-Allow-Credentials")).isEqualTo("true");
        assertThat(response.header("Access-Control-Allow-Methods")).contains("POST", "DELETE");
        assertThat(response.header("Access-Control-Allow-Headers")).contains("authorization", "x-api-key");
        assertThat(response.header("Access-Control-Max-Age")).isEqualTo("600");
        assertThat(response.header("X-Backend")).isNull();
        assertThat(FakeBackends.auth().keyChecks()).isEqualTo(before);
    }

    @Test
    void refusesAPreflightFromAnUnlistedOrigin() {
        Response response = Callers.guest().header("Origin", STRANGER).header("Access-Control-Request-Method", "DELETE")
                .options("/api/v1/repositories/r1");

        assertError(response, 403, "AUTHORIZATION_DENIED");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.header("Access-Control-Allow-Methods")).isNull();
    }

    @Test
    void keepsCorsHeadersOnErrorsSoTheBrowserCanReadThem() {
        Response response = Callers.guest().header("Origin", FRONTEND).contentType("application/json").body("{}")
                .post("/api/v1/repositories");

        assertError(response, 401, "AUTHENTICATION_REQUIRED");
        assertThat(response.header("Access-Control-Allow-Origin")).isEqualTo(FRONTEND);
        assertThat(response.header("X-RateLimit-Remaining")).isNotNull();
    }

    @Test
    void replacesTheBackendsOwnCorsHeaders() {
        Response response = Callers.guest().header("Origin", STRANGER).get("/api/v1/fast/trending");

        assertThat(response.header("X-Backend")).isEqualTo("query");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
    }
}
