package io.gitinsight.query.api;

import static io.gitinsight.query.support.ApiAssertions.assertError;
import static io.gitinsight.query.support.ApiAssertions.assertInvalid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.model.json.Json;
import io.gitinsight.query.support.DeliveryRow;
import io.gitinsight.query.support.Events;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.StreamClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/**
 * Six deliveries at a random hour of 2001–2009, where no other test's deliveries are, so that the
 * totals over that range are this test's alone.
 */
@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class WebhookAnalyticsTest {

    @jakarta.inject.Inject
    io.vertx.core.Vertx vertx;
    private final Instant base = Instant.parse("2001-01-01T00:00:00Z")
            .plus(Duration.ofHours(24L * ThreadLocalRandom.current().nextInt(0, 3000)));
    private final String alpha = "hooks-" + UUID.randomUUID().toString().substring(0, 8) + "/alpha";
    private final String beta = alpha.replace("/alpha", "/beta");
    private String d1, d2, d3, d4, d5, d6;

    @BeforeEach
    void seed() {
        d1 = DeliveryRow.of("push", null).repository(alpha).sender("ada").at(at(60)).status("published", 100).insert();
        d2 = DeliveryRow.of("pull_request", "opened").repository(alpha).sender("ada").at(at(90)).status("published", 300)
                .insert();
        d3 = DeliveryRow.of("pull_request", "closed").repository(alpha).sender("grace").at(at(130))
                .status("published", 200).payload("{\"action\": \"closed\", \"pull_request\": {\"merged\": true}}").insert();
        d4 = DeliveryRow.of("issues", "opened").repository(beta).sender("grace").at(at(140)).status("failed", null)
                .insert();
        d5 = DeliveryRow.of("push", null).repository(beta).sender("ada").at(at(26 * 60)).status("pending", null).insert();
        d6 = DeliveryRow.of("pull_request_review", "submitted").repository(beta).sender("ada").at(at(26 * 60 + 10))
                .status("published", 400).insert();
    }

    @AfterEach
    void cleanUp() {
        DeliveryRow.delete(d1, d2, d3, d4, d5, d6);
    }

    @Test
    void listsEventsNewestFirstWithFiltersAndPages() {
        assertThat(events(inRange())).containsExactly(d6, d5, d4, d3, d2, d1);
        assertThat(events(inRange().queryParam("page", 2).queryParam("page_size", 2))).containsExactly(d4, d3);
        assertThat(events(inRange().queryParam("repository", alpha.toUpperCase()))).containsExactly(d3, d2, d1);
        assertThat(events(inRange().queryParam("event_type", "push"))).containsExactly(d5, d1);
        assertThat(events(inRange().queryParam("status", "failed"))).containsExactly(d4);
        // both ends inclusive
        assertThat(events(given().queryParam("start_time", at(90).toString()).queryParam("end_time", at(130).toString())))
                .containsExactly(d3, d2);
        JsonPath page = inRange().queryParam("page_size", 4).get("/webhooks/events").then().extract().jsonPath();
        assertThat(page.getMap("pagination")).containsEntry("total", 6).containsEntry("total_pages", 2)
                .containsEntry("has_next", true);
        assertThat(page.getMap("data[3]")).containsEntry("delivery_id", d3).containsEntry("repository", alpha)
                .containsEntry("event_type", "pull_request").containsEntry("action", "closed")
                .containsEntry("sender", "grace").containsEntry("status", "published")
                .containsEntry("received_at", at(130).toString()).containsEntry("processing_ms", 200)
                .doesNotContainKey("payload");
    }

    @Test
    void servesOneEventWithItsPayload() {
        JsonPath event = given().get("/webhooks/events/" + d3).then().statusCode(200).extract().jsonPath();

        assertThat(event.getString("delivery_id")).isEqualTo(d3);
        assertThat(event.getBoolean("payload.pull_request.merged")).isTrue();
        assertThat(event.getString("published_at")).isEqualTo(at(130).plusMillis(200).toString());
        assertError(given().get("/webhooks/events/" + UUID.randomUUID()), 404, "NOT_FOUND");
    }

    @Test
    void totalsEachRepositoryWithSuccessRateAndProcessingTime() {
        JsonPath stats = inRange().get("/webhooks/repositories").then().statusCode(200).extract().jsonPath();

        assertThat(stats.getString("time_range.start_time")).isEqualTo(base.toString());
        assertThat(stats.getList("data.repository", String.class)).containsExactly(alpha, beta);
        // alpha: 3 of 3 published, (100 + 300 + 200) / 3 = 200 ms
        assertThat(stats.getMap("data[0]")).containsEntry("total_events", 3).containsEntry("successful_events", 3)
                .containsEntry("failed_events", 0).containsEntry("pending_events", 0).containsEntry("success_rate", 100.0f)
                .containsEntry("avg_processing_time_ms", 200.0f);
        // beta: 1 of 3 published = 33.33 %, only the published one has a processing time
        assertThat(stats.getMap("data[1]")).containsEntry("total_events", 3).containsEntry("successful_events", 1)
                .containsEntry("failed_events", 1).containsEntry("pending_events", 1).containsEntry("success_rate", 33.33f)
                .containsEntry("avg_processing_time_ms", 400.0f);
        assertThat(stats.getInt("pagination.total")).isEqualTo(2);
    }

    @Test
    void summarizesEverythingInTheRange() {
        Map<String, Object> summary = inRange().get("/webhooks/summary").then().statusCode(200).extract().jsonPath()
                .getMap("summary");

        // 4 of 6 published = 66.67 %; average of 100, 300, 200, 400 = 250; p95 of those:
        // position 0.95 × (4 − 1) = 2.85 between 300 and 400 → 300 + 0.85 × 100 = 385
        assertThat(summary).containsEntry("total_events", 6).containsEntry("successful_events", 4)
                .containsEntry("failed_events", 1).containsEntry("pending_events", 1).containsEntry("success_rate", 66.67f)
                .containsEntry("avg_processing_time_ms", 250.0f).containsEntry("p95_processing_time_ms", 385.0f)
                .containsEntry("unique_repositories", 2).containsEntry("unique_senders", 2);
        assertThat(summary.get("event_types")).isEqualTo(Map.of("issues", 1, "pull_request", 2,
                "pull_request_review", 1, "push", 2));
    }

    @Test
    void countsWhatEachSenderDid() {
        JsonPath senders = inRange().get("/webhooks/contributors").then().statusCode(200).extract().jsonPath();

        assertThat(senders.getList("data.sender", String.class)).containsExactly("ada", "grace");
        assertThat(senders.getMap("data[0]")).containsEntry("total_events", 4).containsEntry("pull_requests_opened", 1)
                .containsEntry("pull_requests_merged", 0).containsEntry("reviews", 1).containsEntry("pushes", 2)
                .containsEntry("issues_opened", 0).containsEntry("repositories", 2);
        assertThat(senders.getMap("data[1]")).containsEntry("total_events", 2).containsEntry("pull_requests_merged", 1)
                .containsEntry("issues_opened", 1).containsEntry("repositories", 2);
    }

    @Test
    void bucketsEventsByHourAndByDayIncludingEmptyBuckets() {
        List<Map<String, Object>> hours = given().queryParam("interval", "hour").queryParam("start_time", base.toString())
                .queryParam("end_time", at(180).toString()).get("/webhooks/trends").then().statusCode(200).extract()
                .jsonPath().getList("data");
        assertThat(hours).extracting(h -> h.get("t")).containsExactly(base.toString(), at(60).toString(),
                at(120).toString(), at(180).toString());
        assertThat(hours).extracting(h -> h.get("total_events")).containsExactly(0, 2, 2, 0);
        assertThat(hours.get(2)).containsEntry("successful_events", 1).containsEntry("failed_events", 1)
                .containsEntry("avg_processing_time_ms", 200.0f);

        List<Map<String, Object>> days = given().queryParam("interval", "day").queryParam("start_time", base.toString())
                .queryParam("end_time", at(47 * 60).toString()).get("/webhooks/trends").then().statusCode(200).extract()
                .jsonPath().getList("data");
        assertThat(days).extracting(d -> d.get("total_events")).containsExactly(4, 2);
        assertThat(days.get(1)).containsEntry("successful_events", 1).containsEntry("avg_processing_time_ms", 400.0f);
    }

    @Test
    void showsANewDeliveryRightAfterItsEventReachedTheStreams() {
        assertThat(events(inRange())).hasSize(6);
        String late = DeliveryRow.of("push", null).repository(alpha).at(at(5)).insert();
        try (StreamClient stream = StreamClient.connect(vertx, "/stream/global/activity?repository=" + alpha, null)) {
            stream.drain(Duration.ofMillis(300));
            assertThat(events(inRange())).as("cached until an event says otherwise").hasSize(6);

            Events.github("push", alpha, null, Json.mapper().createObjectNode());
            stream.next(Duration.ofSeconds(10));

            assertThat(events(inRange())).hasSize(7).endsWith(late);
        } finally {
            DeliveryRow.delete(late);
        }
    }

    @Test
    void refusesBadFilters() {
        assertInvalid(given().queryParam("status", "success").get("/webhooks/events"), "status");
        assertInvalid(given().queryParam("start_time", "soon").get("/webhooks/events"), "start_time");
        assertInvalid(given().queryParam("page_size", 101).get("/webhooks/events"), "page_size");
        assertInvalid(given().queryParam("interval", "week").get("/webhooks/trends"), "interval");
        assertInvalid(given().queryParam("start_time", "2024-01-01").queryParam("end_time", "2024-03-01")
                .get("/webhooks/trends"), "start_time");
        assertInvalid(given().queryParam("start_time", "2024-03-01").queryParam("end_time", "2024-01-01")
                .get("/webhooks/summary"), "start_time");
    }

    private Instant at(int minutes) {
        return base.plus(Duration.ofMinutes(minutes));
    }

    private RequestSpecification inRange() {
        return given().queryParam("start_time", base.toString()).queryParam("end_time", at(2 * 24 * 60).toString());
    }

    private static List<String> events(RequestSpecification request) {
        return request.get("/webhooks/events").then().statusCode(200).extract().jsonPath().getList("data.delivery_id",
                String.class);
    }
}
