package io.gitinsight.ingestion.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.gitinsight.ingestion.service.GraphQLAnswers.ok;
import static io.gitinsight.ingestion.service.GraphQLAnswers.pullRequest;
import static io.gitinsight.ingestion.service.GraphQLAnswers.pullRequestsPage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.stubFirstPage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.stubPageAfter;
import static io.gitinsight.ingestion.service.GraphQLAnswers.variablesSent;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Duration;
import java.util.UUID;
import java.util.stream.IntStream;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.GitHubFake;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** GraphQL first, REST when GraphQL is refused or switched off, and what each costs per hundred pull requests. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class PullRequestCollectorTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    PullRequestCollector collector;
    @Inject
    GraphQLPullRequests graphql;
    @Inject
    RestPullRequests rest;

    @Test
    void fallsBackToRestWhenGraphQLAnswers403OrSaysItIsUnavailable() throws Exception {
        String refused = repo();
        stubFirstPage(refused, null, aResponse().withStatus(403)
                .withBody("{\"message\": \"Resource not accessible by integration\"}"));
        String unavailable = repo();
        stubFirstPage(unavailable, null, ok("{\"data\": null, \"errors\": [{\"type\": \"FORBIDDEN\", "
                + "\"message\": \"GraphQL is unavailable for this installation\"}]}"));
        for (String name : new String[] { refused, unavailable }) {
            stubRest(name);

            PullRequestData data = collector.collect("acme/" + name, null, new RequestAccounting()).await().atMost(WAIT);

            assertThat(data.pullRequests()).singleElement().satisfies(pr -> {
                assertThat(pr.get("number").asInt()).isEqualTo(1347);
                assertThat(pr.get("ready_for_review_at").isNull()).isTrue();
                assertThat(pr.has("pr_commits")).isFalse();
            });
            // GitHub's examples: review 80 on #1347, and review comment 10 on the pull request /pulls/1
            assertThat(data.reviews()).extracting(PullRequestCollectorTest::contractFields).containsExactly(
                    review(80, 1347, "octocat", "APPROVED", "2019-11-17T17:43:43Z"),
                    Json.mapper().readTree("""
                            {"id": 10, "pull_request_number": 1, "user": {"login": "octocat"}, "state": "COMMENTED",
                             "submitted_at": "2011-04-14T16:00:49Z", "kind": "comment"}
                            """));
        }
    }

    @Test
    void usesOnlyRestWhenGraphQLIsSwitchedOff() {
        String name = repo();
        stubRest(name);

        PullRequestData data = new PullRequestCollector(graphql, rest, false)
                .collect("acme/" + name, null, new RequestAccounting()).await().atMost(WAIT);

        assertThat(data.pullRequests()).hasSize(1);
        assertThat(variablesSent("$.variables.name", name)).isEmpty();
    }

    @Test
    void aHundredPullRequestsTakeTwoGraphQLRequestsAndAHundredAndTwoRestRequests() {
        String name = repo();
        stubFirstPage(name, null, ok(pullRequestsPage(100, "c50", 12, IntStream.rangeClosed(1, 50)
                .mapToObj(GraphQLAnswers::pullRequest).toArray(GraphQLAnswers.PullRequest[]::new))));
        stubPageAfter(name, "c50", ok(pullRequestsPage(100, null, 12, IntStream.rangeClosed(51, 100)
                .mapToObj(GraphQLAnswers::pullRequest).toArray(GraphQLAnswers.PullRequest[]::new))));
        ArrayNode pulls = Json.mapper().createArrayNode();
        IntStream.rangeClosed(1, 100).forEach(n -> pulls.addObject().put("number", n).put("state", "open"));
        stubGet("/repos/acme/" + name + "/pulls", pulls.toString());
        GitHubFake.server.stubFor(get(urlPathMatching("/repos/acme/" + name + "/pulls/[0-9]+/reviews"))
                .willReturn(okJson("[]")));
        stubGet("/repos/acme/" + name + "/pulls/comments", "[]");
        RequestAccounting overGraphQL = new RequestAccounting();
        RequestAccounting overRest = new RequestAccounting();

        assertThat(collector.collect("acme/" + name, null, overGraphQL).await().atMost(WAIT).pullRequests()).hasSize(100);
        assertThat(rest.collect("acme/" + name, null, overRest).await().atMost(WAIT).pullRequests()).hasSize(100);

        // GraphQL: 2 pages of 50 (each stated to cost 12 points); REST: 1 page of 100 pull requests, 1 reviews
        // request per pull request, 1 page of review comments = 102 requests and 102 REST points
        assertThat(overGraphQL.requests()).isEqualTo(2);
        assertThat(overGraphQL.graphqlCost()).isEqualTo(24);
        assertThat(overGraphQL.restPoints()).isZero();
        assertThat(overRest.requests()).isEqualTo(102);
        assertThat(overRest.restPoints()).isEqualTo(102);
    }

    @Test
    void anIncrementalSyncOverRestReadsThePullListMostRecentlyUpdatedFirstAndStopsAtTheFirstOlderOne() {
        String name = repo();
        String repo = "/repos/acme/" + name;
        // #5 was pushed from page 1 to page 2 by an update while the list was read: it is seen twice
        stubPullsPage(repo, null, "2", pull(2, "2026-03-09T10:00:00Z"), pull(5, "2026-03-02T10:00:00Z"));
        stubPullsPage(repo, "2", "3", pull(5, "2026-03-02T10:00:00Z"), pull(3, "2026-02-01T10:00:00Z"));
        stubPullsPage(repo, "3", null, pull(1, "2026-01-01T10:00:00Z"));
        GitHubFake.server.stubFor(get(urlPathMatching(repo + "/pulls/[0-9]+/reviews")).willReturn(okJson("[]")));
        stubGet(repo + "/pulls/comments", "[]");
        RequestAccounting accounting = new RequestAccounting();

        PullRequestData data = new PullRequestCollector(graphql, rest, false)
                .collect("acme/" + name, java.time.Instant.parse("2026-03-01T00:00:00Z"), null, accounting)
                .await().atMost(WAIT);

        assertThat(data.pullRequests()).extracting(pr -> pr.get("number").asInt()).containsExactly(2, 5);
        // 2 pages of the list, the reviews of #2 and #5, the comments updated since: 5 requests
        assertThat(accounting.requests()).isEqualTo(5);
        GitHubFake.server.verify(getRequestedFor(urlPathEqualTo(repo + "/pulls"))
                .withQueryParam("sort", equalTo("updated")).withQueryParam("direction", equalTo("desc")));
        GitHubFake.server.verify(0, getRequestedFor(urlPathEqualTo(repo + "/pulls")).withQueryParam("page", equalTo("3")));
        GitHubFake.server.verify(0, getRequestedFor(urlPathEqualTo(repo + "/pulls/3/reviews")));
        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo(repo + "/pulls/5/reviews")));
        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo(repo + "/pulls/comments"))
                .withQueryParam("since", equalTo("2026-03-01T00:00:00Z")));
    }

    private static ObjectNode pull(int number, String updatedAt) {
        return Json.mapper().createObjectNode().put("number", number).put("state", "open").put("updated_at", updatedAt);
    }

    private static void stubPullsPage(String repo, String page, String nextPage, ObjectNode... pulls) {
        ArrayNode body = Json.mapper().createArrayNode().addAll(java.util.List.of(pulls));
        var answer = okJson(body.toString());
        if (nextPage != null) {
            answer = answer.withHeader("Link", "<" + GitHubFake.server.baseUrl() + repo
                    + "/pulls?state=all&sort=updated&direction=desc&per_page=100&page=" + nextPage + ">; rel=\"next\"");
        }
        GitHubFake.server.stubFor(get(urlPathEqualTo(repo + "/pulls"))
                .withQueryParam("page", page == null ? com.github.tomakehurst.wiremock.client.WireMock.absent() : equalTo(page))
                .willReturn(answer));
    }

    private static void stubRest(String name) {
        String repo = "/repos/acme/" + name;
        stubGet(repo + "/pulls", fixture("get_repos_OWNER_REPO_pulls.json"));
        stubGet(repo + "/pulls/1347/reviews", fixture("get_repos_OWNER_REPO_pulls_PULL_NUMBER_reviews.json"));
        stubGet(repo + "/pulls/comments", fixture("get_repos_OWNER_REPO_pulls_PULL_NUMBER_comments.json"));
    }

    private static void stubGet(String path, String body) {
        GitHubFake.server.stubFor(get(urlPathEqualTo(path)).willReturn(okJson(body)));
    }

    private static JsonNode review(long id, int number, String login, String state, String submittedAt)
            throws Exception {
        return Json.mapper().readTree("""
                {"id": %d, "pull_request_number": %d, "user": {"login": "%s"}, "state": "%s", "submitted_at": "%s",
                 "kind": "review"}
                """.formatted(id, number, login, state, submittedAt));
    }

    /** A review item reduced to the fields analysis reads (REST reviews carry many more). */
    private static JsonNode contractFields(JsonNode item) {
        ObjectNode reduced = Json.mapper().createObjectNode();
        for (String field : new String[] { "id", "pull_request_number", "user", "state", "submitted_at", "kind" }) {
            reduced.set(field, item.get(field));
        }
        reduced.set("user", Json.mapper().createObjectNode().put("login", item.path("user").path("login").asText()));
        return GraphQLPullRequestsTest.reparsed(reduced);
    }

    private static String fixture(String name) {
        try (InputStream in = PullRequestCollectorTest.class.getResourceAsStream("/github/" + name)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String repo() {
        return "repo-" + UUID.randomUUID();
    }
}
