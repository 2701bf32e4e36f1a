package io.gitinsight.ingestion.service;

import static io.gitinsight.ingestion.service.GraphQLAnswers.comment;
import static io.gitinsight.ingestion.service.GraphQLAnswers.commit;
import static io.gitinsight.ingestion.service.GraphQLAnswers.connection;
import static io.gitinsight.ingestion.service.GraphQLAnswers.nodePage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.ok;
import static io.gitinsight.ingestion.service.GraphQLAnswers.pullRequest;
import static io.gitinsight.ingestion.service.GraphQLAnswers.pullRequestsPage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.review;
import static io.gitinsight.ingestion.service.GraphQLAnswers.stubFirstPage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.stubNodePage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.stubPageAfter;
import static io.gitinsight.ingestion.service.GraphQLAnswers.variablesSent;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.gitinsight.ingestion.GitHubFake;
import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Pull requests over GraphQL against a fake GitHub: paging, halving, cost, completeness and the REST shapes. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class GraphQLPullRequestsTest {

    private static final Duration WAIT = Duration.ofSeconds(20);

    @Inject
    GraphQLPullRequests graphql;

    @Test
    void anIncrementalSyncReadsTheRecentlyUpdatedFirstAndStopsAtThePreviousSync() {
        String name = repo();
        // most recently updated first: #9 and #8 changed after the previous sync, #7 (the page's last) before it
        stubFirstPage(name, null, ok(pullRequestsPage(9, "c3", 4, pullRequest(9).updatedAt("2026-03-10T10:00:00Z"),
                pullRequest(8).updatedAt("2026-03-09T10:00:00Z"), pullRequest(7).updatedAt("2026-03-01T10:00:00Z"))));
        stubPageAfter(name, "c3", ok(pullRequestsPage(9, null, 4, pullRequest(6).updatedAt("2026-02-01T10:00:00Z"))));
        RequestAccounting accounting = new RequestAccounting();

        PullRequestData data = graphql.collect("acme/" + name, java.time.Instant.parse("2026-03-05T00:00:00Z"), null,
                accounting).await().atMost(WAIT);

        assertThat(data.pullRequests()).extracting(pr -> pr.get("number").asInt()).containsExactly(9, 8, 7);
        // one page, not the whole history: the ones before the previous sync are stored already
        assertThat(accounting.graphqlRequests()).isEqualTo(1);
        assertThat(variablesSent("$.variables.name", name)).singleElement().satisfies(v -> {
            assertThat(v.path("order").toString()).isEqualTo("{\"field\":\"UPDATED_AT\",\"direction\":\"DESC\"}");
            // a small first page: an unchanged repository costs a few points
            assertThat(v.path("first").asInt()).isEqualTo(GraphQLPullRequests.FIRST_INCREMENTAL_PAGE);
        });
    }

    @Test
    void anIncrementalSyncReadsOnWhileAPageIsAllNewerThanThePreviousSync() {
        String name = repo();
        stubFirstPage(name, null, ok(pullRequestsPage(3, "c2", 4, pullRequest(3).updatedAt("2026-03-10T10:00:00Z"),
                pullRequest(2).updatedAt("2026-03-09T10:00:00Z"))));
        stubPageAfter(name, "c2", ok(pullRequestsPage(3, null, 2, pullRequest(1).updatedAt("2026-03-08T10:00:00Z"))));

        PullRequestData data = graphql.collect("acme/" + name, java.time.Instant.parse("2026-03-05T00:00:00Z"), null,
                new RequestAccounting()).await().atMost(WAIT);

        assertThat(data.pullRequests()).extracting(pr -> pr.get("number").asInt()).containsExactly(3, 2, 1);
        // pages that keep finding updates grow: 10, then 20 (up to the configured size)
        assertThat(variablesSent("$.variables.name", name)).extracting(v -> v.path("first").asInt())
                .containsExactly(10, 20);
    }

    @Test
    void readsEveryPageAndTheRestOfLongListsToTheEnd() {
        String name = repo();
        // 5 pull requests on pages of 2, 2 and 1; #2 has 3 commits (1 in the page, 2 after), #3 a review
        // with 2 comments (1 in the page, 1 after)
        stubFirstPage(name, null, ok(pullRequestsPage(5, "c2", 4, pullRequest(1),
                pullRequest(2).commits(3, "k1", commit("a".repeat(40), "2026-02-01T09:00:00Z")))));
        stubNodePage("PR_2", "k1", ok(nodePage("commits", connection(3, null, commit("b".repeat(40),
                "2026-02-02T09:00:00Z"), commit("c".repeat(40), "2026-02-03T09:00:00Z")), 1)));
        stubPageAfter(name, "c2", ok(pullRequestsPage(5, "c4", 4,
                pullRequest(3).reviews(1, null, review("R_3", 31, "reviewer", "COMMENTED", "2026-03-03T12:00:00Z",
                        connection(2, "m1", comment(3101, "reviewer", "2026-03-03T11:00:00Z", "SUBMITTED")))),
                pullRequest(4))));
        stubNodePage("R_3", "m1", ok(nodePage("comments", connection(2, null,
                comment(3102, "reviewer", "2026-03-03T11:30:00Z", "SUBMITTED")), 1)));
        stubPageAfter(name, "c4", ok(pullRequestsPage(5, null, 2, pullRequest(5))));
        RequestAccounting accounting = new RequestAccounting();

        PullRequestData data = graphql.collect("acme/" + name, null, accounting).await().atMost(WAIT);

        assertThat(data.pullRequests()).extracting(pr -> pr.get("number").asInt()).containsExactly(1, 2, 3, 4, 5);
        assertThat(data.pullRequests().get(1).get("pr_commits").findValuesAsText("sha"))
                .containsExactly("a".repeat(40), "b".repeat(40), "c".repeat(40));
        assertThat(data.reviews()).extracting(r -> r.get("kind").asText() + " " + r.get("id").asLong())
                .containsExactly("review 31", "comment 3101", "comment 3102");
        // 3 pages of pull requests + 1 page of commits + 1 page of comments, costing 4 + 4 + 2 + 1 + 1 points
        assertThat(accounting.graphqlRequests()).isEqualTo(5);
        assertThat(accounting.graphqlCost()).isEqualTo(12);
        assertThat(accounting.restPoints()).isZero();
        assertThat(variablesSent("$.variables.name", name)).extracting(v -> v.path("after").asText(null))
                .containsExactly(null, "c2", "c4");
        assertThat(variablesSent("$.variables.name", name)).allSatisfy(v -> assertThat(v.path("order").toString())
                .isEqualTo("{\"field\":\"CREATED_AT\",\"direction\":\"ASC\"}"));
        assertThat(variablesSent("$.variables.id", "PR_2")).singleElement()
                .satisfies(v -> assertThat(v.get("first").asInt()).isEqualTo(PullRequestQueries.FOLLOW_UP_PAGE));
    }

    @Test
    void asksAgainWithHalfThePageAfterA502AndKeepsTheSmallerPage() {
        String name = repo();
        stubFirstPage(name, 50, WireMock.aResponse().withStatus(502).withBody("{\"message\": \"Bad gateway\"}"));
        stubFirstPage(name, 25, ok(pullRequestsPage(2, "c1", 1, pullRequest(1))));
        stubPageAfter(name, "c1", ok(pullRequestsPage(2, null, 1, pullRequest(2))));

        PullRequestData data = graphql.collect("acme/" + name, null, new RequestAccounting()).await().atMost(WAIT);

        assertThat(data.pullRequests()).hasSize(2);
        assertThat(variablesSent("$.variables.name", name)).extracting(v -> v.get("first").asInt())
                .containsExactly(50, 25, 25);
    }

    @Test
    void asksAgainWithHalfThePageAfterATimeout() {
        String name = repo();
        // the test profile's GraphQL read timeout is 1 s
        stubFirstPage(name, 50, ok(pullRequestsPage(1, null, 1, pullRequest(1))).withFixedDelay(2500));
        stubFirstPage(name, 25, ok(pullRequestsPage(1, null, 1, pullRequest(1))));

        PullRequestData data = graphql.collect("acme/" + name, null, new RequestAccounting()).await().atMost(WAIT);

        assertThat(data.pullRequests()).hasSize(1);
        assertThat(variablesSent("$.variables.name", name)).extracting(v -> v.get("first").asInt())
                .containsExactly(50, 25);
    }

    @Test
    void failsWhenEvenTheSmallestPageFails() {
        String name = repo();
        stubFirstPage(name, null, WireMock.aResponse().withStatus(502));

        assertThatThrownBy(() -> graphql.collect("acme/" + name, null, new RequestAccounting()).await().atMost(WAIT))
                .isInstanceOf(GitHubException.class).hasMessageContaining("failed even on pages of 5");
        // halved from the configured 50 down to the floor of 5: 50, 25, 12, 6, then 5
        assertThat(variablesSent("$.variables.name", name)).extracting(v -> v.get("first").asInt())
                .containsExactly(50, 25, 12, 6, 5);
    }

    @Test
    void failsWhenGitHubCountsMorePullRequestsOrCommitsThanItReturned() {
        String pullRequests = repo();
        stubFirstPage(pullRequests, null, ok(pullRequestsPage(3, null, 1, pullRequest(1), pullRequest(2))));
        String commits = repo();
        stubFirstPage(commits, null, ok(pullRequestsPage(1, null, 1,
                pullRequest(7).commits(2, null, commit("d".repeat(40), "2026-01-01T00:00:00Z")))));

        assertThatThrownBy(() -> graphql.collect("acme/" + pullRequests, null, new RequestAccounting()).await().atMost(WAIT))
                .isInstanceOf(SyncService.IncompleteSyncException.class)
                .hasMessage("incomplete data for acme/" + pullRequests + ": GitHub counts 3 pull requests, GraphQL returned 2");
        assertThatThrownBy(() -> graphql.collect("acme/" + commits, null, new RequestAccounting()).await().atMost(WAIT))
                .isInstanceOf(SyncService.IncompleteSyncException.class)
                .hasMessageContaining("GitHub counts 2 commits of pull request #7, GraphQL returned 1");
    }

    @Test
    void convertsPullRequestsReviewsAndCommentsIntoTheRestShapes() throws Exception {
        String name = repo();
        stubFirstPage(name, null, ok(pullRequestsPage(2, null, 1,
                pullRequest(9).merged("2026-03-05T08:00:00Z", "e".repeat(40)).readyForReviewAt("2026-03-01T12:00:00Z")
                        .commits(1, null, commit("f".repeat(40), "2026-02-28T16:00:00Z"))
                        .reviews(1, null, review("R_9", 91, "carol", "APPROVED", "2026-03-04T09:00:00Z",
                                connection(2, null, comment(9101, "carol", "2026-03-04T08:55:00Z", "SUBMITTED"),
                                        comment(9102, "carol", "2026-03-04T08:56:00Z", "PENDING")))),
                pullRequest(10).draft().readyForReviewAt("2026-03-02T12:00:00Z"))));

        PullRequestData data = graphql.collect("acme/" + name, null, new RequestAccounting()).await().atMost(WAIT);

        assertThat(reparsed(data.pullRequests().get(0))).isEqualTo(Json.mapper().readTree("""
                {"id": 1009, "number": 9, "title": "Change 9", "user": {"login": "author9"}, "state": "closed",
                 "draft": false, "created_at": "2026-03-01T10:00:00Z", "updated_at": "2026-03-02T10:00:00Z",
                 "closed_at": "2026-03-05T08:00:00Z", "merged_at": "2026-03-05T08:00:00Z",
                 "merge_commit_sha": "%s", "head": {"ref": "feature/9", "sha": "%s"}, "base": {"ref": "main"},
                 "additions": 10, "deletions": 2, "ready_for_review_at": "2026-03-01T12:00:00Z",
                 "pr_commits": [{"sha": "%s", "authored_at": "2026-02-28T16:00:00Z"}]}
                """.formatted("e".repeat(40), "h".repeat(40), "f".repeat(40))));
        // a draft again now: its earlier ready-for-review does not count
        assertThat(data.pullRequests().get(1).get("ready_for_review_at").isNull()).isTrue();
        assertThat(data.pullRequests().get(1).get("state").asText()).isEqualTo("open");
        // the pending comment is not listed, as REST would not list it
        assertThat(data.reviews()).extracting(GraphQLPullRequestsTest::reparsed).containsExactly(Json.mapper().readTree("""
                {"id": 91, "pull_request_number": 9, "user": {"login": "carol"}, "state": "APPROVED",
                 "submitted_at": "2026-03-04T09:00:00Z", "kind": "review"}
                """), Json.mapper().readTree("""
                {"id": 9101, "pull_request_number": 9, "user": {"login": "carol"}, "state": "COMMENTED",
                 "submitted_at": "2026-03-04T08:55:00Z", "kind": "comment"}
                """));
    }

    private static String repo() {
        return "repo-" + UUID.randomUUID();
    }

    /** The item as analysis will read it: from its JSON text (ids are then plain numbers, whatever their width). */
    static JsonNode reparsed(JsonNode item) {
        try {
            return Json.mapper().readTree(item.toString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
