package io.gitinsight.testkit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.eclipse.microprofile.config.ConfigProvider;
import org.jboss.logmanager.ExtLogRecord;
import org.junit.jupiter.api.Test;

import io.quarkus.runtime.configuration.MemorySize;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

/**
 * What CONTRACT §1–2 promise of every service, run by each service's {@code @QuarkusTest} subclass
 * against its real dependencies: health, Prometheus metrics, trace ids, and the error body for every
 * failure a client can provoke.
 */
public abstract class ServiceContractTest {

    private static final String TRACE_ID = "[0-9a-f]{32}";

    /** The names of the readiness checks this service must run, one per dependency it uses. */
    protected abstract List<String> readinessChecks();

    @Test
    void reportsHealthAndReadinessUp() {
        given().get("/health/live").then().statusCode(200).body("status", equalTo("UP"));
        Response ready = given().get("/health/ready");
        ready.then().statusCode(200).body("status", equalTo("UP"))
                // the gateway's /system/status shows each service's version from here
                .body("version", matchesPattern("\\d+\\.\\d+\\.\\d+.*")).body("service", matchesPattern("[a-z-]+"));
        List<String> names = ready.jsonPath().getList("checks.name");
        assertThat(names).containsAll(readinessChecks());
        given().get("/health").then().statusCode(200).body("status", equalTo("UP"));
    }

    @Test
    void exposesMetricsThatPromtoolAccepts() throws Exception {
        given().get("/health/ready").then().statusCode(200);
        given().get("/_testkit/probe/items?page=2").then().statusCode(200);

        String metrics = given().get("/metrics").then().statusCode(200).contentType(containsText())
                .extract().asString();

        assertThat(metrics).contains("http_server_requests_seconds_count").contains("jvm_memory_used_bytes")
                .contains("http_server_requests_seconds_bucket{").contains("le=\"0.25\"");
        Promtool.Result lint = Promtool.checkMetrics(metrics);
        assertThat(lint.exitCode()).as(lint.output()).isZero();
    }

    @Test
    void describesItsApiInOpenApi() {
        given().queryParam("format", "json").get("/q/openapi").then().statusCode(200)
                .body("openapi", matchesPattern("3\\..*"))
                .body("info.title", matchesPattern("GitInsight .*"));
    }

    @Test
    void answersAnUnknownRouteWithTheErrorBody() {
        assertError(given().get("/no/such/route"), 404, "NOT_FOUND");
        assertError(given().get("/_testkit/probe/nowhere/deeper"), 404, "NOT_FOUND");
    }

    @Test
    void answersAWrongMethodWithTheErrorBody() {
        assertError(given().delete("/_testkit/probe"), 405, "METHOD_NOT_ALLOWED");
    }

    @Test
    void answersAnUnsupportedContentTypeWithTheErrorBody() {
        assertError(given().contentType(ContentType.TEXT).body("name=x").post("/_testkit/probe"), 415,
                "UNSUPPORTED_MEDIA_TYPE");
    }

    @Test
    void answersMalformedJsonWithAValidationError() {
        Response response = given().contentType(ContentType.JSON).body("{\"display_name\": \"x\",").post(
                "/_testkit/probe");
        assertError(response, 400, "VALIDATION_ERROR");
        response.then().body("error.details.field", equalTo("body"));
    }

    @Test
    void answersAnUnknownEnumValueNamingTheField() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"display_name\": \"x\", \"color\": \"PURPLE\", \"weight\": 2}").post("/_testkit/probe");
        assertError(response, 400, "VALIDATION_ERROR");
        response.then().body("error.details.field", equalTo("color"));
    }

    @Test
    void answersABeanValidationFailureNamingTheField() {
        Response response = given().contentType(ContentType.JSON)
                .body("{\"display_name\": \"" + "x".repeat(41) + "\", \"color\": \"RED\", \"weight\": 2}")
                .post("/_testkit/probe");
        assertError(response, 400, "VALIDATION_ERROR");
        response.then().body("error.details.field", equalTo("display_name"));

        Response missing = given().contentType(ContentType.JSON).body("{\"weight\": 0}").post("/_testkit/probe");
        assertError(missing, 400, "VALIDATION_ERROR");
        assertThat(missing.jsonPath().getList("error.details.violations.field", String.class))
                .containsExactly("color", "display_name", "weight");
    }

    @Test
    void acceptsAValidBody() {
        given().contentType(ContentType.JSON).body("{\"display_name\": \"ok\", \"color\": \"GREEN\", \"weight\": 3}")
                .post("/_testkit/probe").then().statusCode(200).body("color", equalTo("GREEN"));
    }

    @Test
    void answersBadParametersWithAValidationError() {
        assertError(given().get("/_testkit/probe/items?page_size=1000"), 400, "VALIDATION_ERROR")
                .then().body("error.details.field", equalTo("page_size"));
        assertError(given().get("/_testkit/probe/items?page=-1"), 400, "VALIDATION_ERROR")
                .then().body("error.details.field", equalTo("page"));
        assertError(given().get("/_testkit/probe/items/not-a-uuid"), 400, "VALIDATION_ERROR")
                .then().body("error.details.field", equalTo("id"));
        assertError(given().get("/_testkit/probe/items?page=two"), 400, "VALIDATION_ERROR");
    }

    @Test
    void answersOurOwnExceptionsWithTheirCode() {
        assertError(given().get("/_testkit/probe/items/8f0e2a6c-3b7e-4c1e-9a51-0c9d3f1b2a77"), 404, "NOT_FOUND")
                .then().body("error.details.id", equalTo("8f0e2a6c-3b7e-4c1e-9a51-0c9d3f1b2a77"));
        assertError(given().get("/_testkit/probe/busy"), 409, "ANALYSIS_IN_PROGRESS");
    }

    @Test
    void answersAnOversizeBodyWithPayloadTooLarge() {
        long limit = ConfigProvider.getConfig().getValue("quarkus.http.limits.max-body-size", MemorySize.class)
                .asLongValue();
        String huge = "{\"display_name\": \"" + "x".repeat((int) limit) + "\"}";
        assertError(given().contentType(ContentType.JSON).body(huge).post("/_testkit/probe"), 413,
                "PAYLOAD_TOO_LARGE");
    }

    @Test
    void hidesTheCauseOfAnUnexpectedFailureAndLogsItWithTheTraceId() {
        try (LogCapture logs = LogCapture.start()) {
            Response response = given().header("X-Request-Id", "probe-boom-1").get("/_testkit/probe/boom");

            assertError(response, 500, "INTERNAL_SERVER_ERROR");
            assertThat(response.asString()).doesNotContain("secret internal detail").doesNotContain("at io.");
            response.then().body("error.trace_id", equalTo("probe-boom-1"));
            List<ExtLogRecord> records = awaitRecords(logs, "about to fail on purpose");
            assertThat(records).anySatisfy(r -> assertThat(r.getMdc("trace_id")).isEqualTo("probe-boom-1"));
        }
    }

    @Test
    void echoesTheCallersRequestId() {
        given().header("X-Request-Id", "req-42").get("/health/live").then().header("X-Request-Id", "req-42");
    }

    @Test
    void takesTheTraceIdFromTraceparent() {
        given().header("traceparent", "00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")
                .get("/no/such/route").then().statusCode(404)
                .header("X-Request-Id", "4bf92f3577b34da6a3ce929d0e0e4736")
                .body("error.trace_id", equalTo("4bf92f3577b34da6a3ce929d0e0e4736"));
    }

    @Test
    void generatesATraceIdWhenTheCallerSendsNoneOrGarbage() {
        given().get("/health/live").then().header("X-Request-Id", matchesPattern(TRACE_ID));
        given().header("X-Request-Id", "bad id\twith spaces").get("/health/live").then()
                .header("X-Request-Id", matchesPattern(TRACE_ID));
    }

    protected static Response assertError(Response response, int status, String code) {
        response.then().statusCode(status).contentType(ContentType.JSON).body("error.code", equalTo(code))
                .body("error.message", not(nullValue())).body("error.details", not(nullValue()))
                .body("error.trace_id", not(nullValue()))
                .header("X-Request-Id", not(nullValue()));
        assertThat(response.jsonPath().getString("error.trace_id")).isEqualTo(response.header("X-Request-Id"));
        return response;
    }

    private static org.hamcrest.Matcher<String> containsText() {
        return matchesPattern("text/plain.*|application/openmetrics-text.*");
    }

    private static List<ExtLogRecord> awaitRecords(LogCapture logs, String message) {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(5));
        while (Instant.now().isBefore(deadline)) {
            List<ExtLogRecord> found = logs.records().stream().filter(r -> message.equals(r.getMessage())).toList();
            if (!found.isEmpty()) {
                return found;
            }
            Thread.onSpinWait();
        }
        return List.of();
    }

}
