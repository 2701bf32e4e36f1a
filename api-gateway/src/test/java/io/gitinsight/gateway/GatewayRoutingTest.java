package io.gitinsight.gateway;

import static io.gitinsight.gateway.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class GatewayRoutingTest {

    @Inject
    RedisCounters counters;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @ParameterizedTest(name = "{0} {1} → {2} {3}")
    @CsvSource({
            "GET,    /api/v1/repositories,                       query,     /repositories",
            "POST,   /api/v1/repositories,                       analysis,  /repositories",
            "GET,    /api/v1/repositories/r1,                    query,     /repositories/r1",
            "PUT,    /api/v1/repositories/r1,                    analysis,  /repositories/r1",
            "DELETE, /api/v1/repositories/r1,                    analysis,  /repositories/r1",
            "POST,   /api/v1/repositories/r1/analyze,            analysis,  /repositories/r1/analyze",
            "DELETE, /api/v1/repositories/r1/follow,             analysis,  /repositories/r1/follow",
            "GET,    /api/v1/repositories/r1/metrics,            query,     /repositories/r1/metrics",
            "GET,    /api/v1/repositories/r1/insights/export,    query,     /repositories/r1/insights/export",
            "GET,    /api/v1/repositories/r1/pulls,              query,     /repositories/r1/pulls",
            "GET,    /api/v1/jobs/j1,                            analysis,  /jobs/j1",
            "POST,   /api/v1/users/octocat/analyze,              analysis,  /users/octocat/analyze",
            "GET,    /api/v1/users/octocat/scores,               analysis,  /users/octocat/scores",
            "GET,    /api/v1/metrics/overview,                   query,     /metrics/overview",
            "GET,    /api/v1/fast/leaderboard,                   query,     /fast/leaderboard",
            "GET,    /api/v1/webhooks/events/d1,                 query,     /webhooks/events/d1",
            "POST,   /api/v1/webhooks/github,                    ingestion, /webhooks/github",
            "POST,   /api/v1/orgs/acme/import,                   ingestion, /orgs/acme/import",
            "GET,    /api/v1/orgs/acme/members,                  ingestion, /orgs/acme/members",
            "GET,    /api/v1/auth/me,                            auth,      /auth/me",
            "PUT,    /api/v1/admin/users/u1/role,                auth,      /admin/users/u1/role",
            "GET,    /api/v1/admin/audit-logs,                   auth,      /admin/audit-logs" })
    void routesEachPathToItsOwnerWithoutThePrefix(String method, String path, String backend, String backendPath) {
        Response response = Callers.as(Role.ADMIN).queryParam("page", "2").body("{}").contentType("application/json")
                .request(method, path);

        response.then().statusCode(200);
        assertThat(response.jsonPath().getString("backend")).isEqualTo(backend);
        assertThat(response.jsonPath().getString("method")).isEqualTo(method);
        assertThat(response.jsonPath().getString("path")).isEqualTo(backendPath);
        assertThat(response.jsonPath().getString("query")).isEqualTo("page=2");
    }

    @Test
    void servesTheJwksAtTheRootAndUnderTheApiPrefixThroughAuthService() {
        for (String path : new String[] { "/.well-known/jwks.json", "/api/v1/.well-known/jwks.json" }) {
            Response response = Callers.guest().get(path);

            response.then().statusCode(200);
            assertThat(response.jsonPath().getList("keys.kid")).as(path).containsExactly("key-current");
            assertThat(response.jsonPath().getList("keys.d")).containsOnlyNulls();
        }
    }

    @Test
    void streamsBodiesLargerThanTheGatewaysOwnLimitToTheBackend() {
        byte[] delivery = new byte[2 * 1024 * 1024];

        Response response = Callers.guest().header("X-GitHub-Event", "push").contentType("application/json")
                .body(delivery).post("/api/v1/webhooks/github");

        response.then().statusCode(200);
        assertThat(response.jsonPath().getInt("body_bytes")).isEqualTo(delivery.length);
        assertThat(response.jsonPath().getString("headers.x-github-event")).isEqualTo("push");
    }

    @Test
    void neverReachesInternalEndpoints() {
        int checksBefore = FakeBackends.auth().keyChecks();
        for (String path : List.of("/api/v1/internal/api-keys/verify", "/api/v1/auth/../internal/api-keys/verify",
                "/api/v1/auth/%2e%2e/internal/api-keys/verify", "/api/v1/INTERNAL/api-keys/verify",
                "/api/v1/auth%2f..%2finternal/api-keys/verify")) {
            Response response = Callers.as(Role.ADMIN).urlEncodingEnabled(false).contentType("application/json")
                    .body("{\"key\": \"gik_x\"}").post(path);
            assertError(response, 404, "NOT_FOUND");
        }
        assertError(Callers.guest().post("/internal/api-keys/verify"), 404, "NOT_FOUND");
        assertThat(FakeBackends.auth().keyChecks()).isEqualTo(checksBefore);
    }

    @Test
    void answersUnknownPathsAndWrongMethodsWithTheErrorBody() {
        assertError(Callers.guest().get("/api/v1/no/such/thing"), 404, "NOT_FOUND");
        Response wrongMethod = assertError(Callers.as(Role.ADMIN).delete("/api/v1/metrics/overview"), 405,
                "METHOD_NOT_ALLOWED");
        assertThat(wrongMethod.header("Allow")).isEqualTo("GET, HEAD");
    }

    @Test
    void propagatesTheCallersRequestIdAndTraceparentToTheBackendAndEchoesIt() {
        String traceparent = "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01";
        Response response = Callers.guest().header("X-Request-Id", "req-77").header("traceparent", traceparent)
                .get("/api/v1/repositories");

        response.then().statusCode(200);
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo("req-77");
        assertThat(response.jsonPath().getString("headers.traceparent")).isEqualTo(traceparent);
        assertThat(response.headers().getValues("X-Request-Id")).containsExactly("req-77");
    }

    @Test
    void givesTheBackendTheTraceIdItAnswersWithWhenTheCallerSendsNone() {
        Response response = Callers.guest().get("/api/v1/repositories");

        assertThat(response.header("X-Request-Id")).matches("[0-9a-f]{32}");
        assertThat(response.jsonPath().getString("headers.x-request-id")).isEqualTo(response.header("X-Request-Id"));
    }

    @Test
    void stripsIdentityAndForwardingHeadersAClientMadeUp() {
        String token = io.gitinsight.gateway.fakes.TestTokens.token(Role.USER);
        Response response = Callers.withToken(token).header("X-User-Id", "someone-else").header("X-User-Role", "admin")
                .header("X-Gateway-Caller", "admin").header("X-Internal-Token", "guess")
                .header("X-Forwarded-For", "6.6.6.6").header("X-Forwarded-Proto", "https")
                .header("X-Forwarded-Host", "evil.example").header("Forwarded", "for=6.6.6.6")
                .header("X-Real-IP", "6.6.6.6").get("/api/v1/repositories");

        response.then().statusCode(200);
        var headers = response.jsonPath().getMap("headers");
        assertThat(headers).doesNotContainKeys("x-user-id", "x-user-role", "x-gateway-caller", "x-internal-token",
                "forwarded", "x-real-ip");
        assertThat(headers.get("x-forwarded-for")).isEqualTo("127.0.0.1");
        assertThat(headers.get("x-forwarded-proto")).isEqualTo("http");
        assertThat((String) headers.get("x-forwarded-host")).doesNotContain("evil");
        assertThat(headers.get("authorization")).isEqualTo("Bearer " + token);
    }

    @Test
    void dropsHopByHopHeadersAndHeadersTheGatewayOwnsFromTheBackendAnswer() {
        Response response = Callers.guest().header("Connection", "keep-alive, X-Hop-Secret")
                .header("X-Hop-Secret", "1").header("TE", "trailers").header("Proxy-Authorization", "Basic eA==")
                .get("/api/v1/fast/trending");

        response.then().statusCode(200);
        assertThat(response.jsonPath().getMap("headers")).doesNotContainKeys("x-hop-secret", "te",
                "proxy-authorization");
        assertThat(response.header("X-Backend")).isEqualTo("query");
        assertThat(response.header("Access-Control-Allow-Origin")).isNull();
        assertThat(response.headers().getValues("X-Request-Id")).hasSize(1);
    }
}
