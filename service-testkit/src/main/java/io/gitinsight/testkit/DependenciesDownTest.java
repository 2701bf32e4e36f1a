package io.gitinsight.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.restassured.response.Response;

/**
 * Readiness must tell the truth: a service whose dependencies are unreachable stays alive (so it is not
 * restarted in a loop) but reports not ready, naming each failed check. Subclasses run under a test
 * profile that points the dependencies at {@link #CLOSED_PORT}.
 */
public abstract class DependenciesDownTest {

    /** Nothing listens on port 1 of the loopback interface: connections are refused at once. */
    public static final String CLOSED_HOST = "127.0.0.1";
    public static final int CLOSED_PORT = 1;

    protected abstract List<String> readinessChecks();

    @Test
    void reportsNotReadyWhileItsDependenciesAreUnreachable() {
        Response ready = given().get("/health/ready");

        ready.then().statusCode(503).body("status", equalTo("DOWN"));
        List<Map<String, Object>> checks = ready.jsonPath().getList("checks");
        for (String name : readinessChecks()) {
            assertThat(checks).as(name).anySatisfy(check -> {
                assertThat(check.get("name")).isEqualTo(name);
                assertThat(check.get("status")).isEqualTo("DOWN");
            });
        }
    }

    /** A request that this service can answer only with the unreachable dependencies (a read of its database, say). */
    protected abstract Response requestNeedingThem();

    @Test
    void answersARequestThatNeedsThemWith503InTheErrorFormat() {
        requestNeedingThem().then().statusCode(503).body("error.code", equalTo("UPSTREAM_UNAVAILABLE"))
                .body("error.trace_id", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{32}"));
    }

    @Test
    void staysAliveWhileItsDependenciesAreUnreachable() {
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
    }
}
