package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class UserActivityTest {

    @Test
    void turnsPublicEventsIntoScoredActivityAcrossPages() {
        ArrayNode first = Json.mapper().createArrayNode();
        ObjectNode push = event("PushEvent", "2026-11-20T10:00:00Z", "mona/own-repo", null);
        ((ObjectNode) push.get("payload")).put("distinct_size", 3);
        first.add(push);
        first.add(event("PullRequestEvent", "2026-11-19T10:00:00Z", "octo/app", "opened"));
        first.add(event("PullRequestEvent", "2026-11-19T11:00:00Z", "octo/app", "closed"));
        first.add(event("WatchEvent", "2026-11-18T10:00:00Z", "octo/app", "started"));
        ArrayNode second = Json.mapper().createArrayNode();
        second.add(event("PullRequestReviewEvent", "2026-11-17T10:00:00Z", "octo/app", "created"));
        second.add(event("IssueCommentEvent", "2026-11-16T10:00:00Z", "octo/app", "created"));
        second.add(event("IssuesEvent", "2026-11-15T10:00:00Z", "octo/app", "opened"));
        second.add(event("IssuesEvent", "2026-01-01T10:00:00Z", "octo/app", "opened"));
        String next = "<" + GitHubFake.server.baseUrl() + "/users/mona/events/public?per_page=100&page=2>; rel=\"next\"";
        GitHubFake.server.stubFor(get(urlPathEqualTo("/users/mona/events/public")).withQueryParam("page", absent())
                .willReturn(json(first.toString()).withHeader("Link", next)));
        GitHubFake.server.stubFor(get(urlPathEqualTo("/users/mona/events/public"))
                .withQueryParam("page", WireMock.equalTo("2"))
                .willReturn(json(second.toString())));

        // the January issue is before `since` and left out; the closed PR and the star count for nothing
        internal().queryParam("since", "2026-06-01T00:00:00Z").get("/internal/github/users/mona/activity").then()
                .statusCode(200).body("login", equalTo("mona")).body("events", hasSize(5))
                .body("events.kind", contains("commit", "pr", "review", "comment", "issue"))
                .body("events[0].count", equalTo(3)).body("events[0].repository", equalTo("mona/own-repo"))
                .body("events[1].occurred_at", equalTo("2026-11-19T10:00:00Z"));
    }

    @Test
    void answersNotFoundForAnUnknownUserAndRefusesBadInput() {
        GitHubFake.server
                .stubFor(get(urlPathEqualTo("/users/ghost-user/events/public")).willReturn(aResponse().withStatus(404)));
        internal().get("/internal/github/users/ghost-user/activity").then().statusCode(404)
                .body("error.code", equalTo("NOT_FOUND"));
        internal().get("/internal/github/users/-bad-/activity").then().statusCode(400)
                .body("error.details.field", equalTo("login"));
        internal().queryParam("since", "yesterday").get("/internal/github/users/mona/activity").then().statusCode(400)
                .body("error.details.field", equalTo("since"));
        given().get("/internal/github/users/mona/activity").then().statusCode(401);
    }

    private static ObjectNode event(String type, String at, String repo, String action) {
        ObjectNode event = Json.mapper().createObjectNode().put("id", "1").put("type", type).put("created_at", at);
        event.putObject("repo").put("name", repo);
        ObjectNode payload = event.putObject("payload");
        if (action != null) {
            payload.put("action", action);
        }
        return event;
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder json(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static RequestSpecification internal() {
        return given().header("X-Internal-Token", "test-internal-token");
    }
}
