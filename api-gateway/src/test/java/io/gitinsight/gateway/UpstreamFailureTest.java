package io.gitinsight.gateway;

import static io.gitinsight.gateway.ErrorAnswers.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.gateway.fakes.EchoBackend;
import io.gitinsight.gateway.fakes.FakeBackends;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class UpstreamFailureTest {

    @Inject
    RedisCounters counters;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @Test
    void answersABackendThatIsDownWith503InTheErrorFormat() {
        Response response = Callers.guest().header("X-Request-Id", "down-1").get("/api/v1/_test/down/anything");

        assertError(response, 503, "UPSTREAM_UNAVAILABLE");
        assertThat(response.jsonPath().getString("error.trace_id")).isEqualTo("down-1");
        assertThat(response.jsonPath().getString("error.details.service")).isEqualTo("down");
        assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo("unreachable");
        assertThat(response.header("X-RateLimit-Limit")).isEqualTo("100");
    }

    @Test
    void answersABackendSlowerThanTheRouteTimeoutWith504() {
        long start = System.nanoTime();
        Response response = Callers.guest().get("/api/v1/_test/slow");
        long millis = (System.nanoTime() - start) / 1_000_000;

        assertError(response, 504, "UPSTREAM_UNAVAILABLE");
        assertThat(response.jsonPath().getString("error.details.reason")).isEqualTo("timeout");
        assertThat(response.jsonPath().getLong("error.details.timeout_ms"))
                .isEqualTo(FakeBackends.SLOW_ROUTE_TIMEOUT_MILLIS);
        assertThat(millis).isGreaterThanOrEqualTo(FakeBackends.SLOW_ROUTE_TIMEOUT_MILLIS)
                .isLessThan(EchoBackend.SLOW_MILLIS);
    }

    @Test
    void keepsServingOtherRoutesWhileOneBackendIsDown() {
        assertError(Callers.guest().get("/api/v1/_test/down/x"), 503, "UPSTREAM_UNAVAILABLE");

        Callers.guest().get("/api/v1/repositories").then().statusCode(200);
    }
}
