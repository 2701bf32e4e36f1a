package io.gitinsight.ingestion.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;

import io.gitinsight.ingestion.GitHubFake;
import io.gitinsight.model.json.Json;

/**
 * Test-data builders for GitHub's GraphQL answers in the shapes {@link PullRequestQueries} asks for, and
 * the WireMock stubs that serve them: first pages are matched by repository name, later pages by cursor,
 * follow-up pages by node id.
 */
public final class GraphQLAnswers {

    private GraphQLAnswers() {
    }

    /** A pull request node; change what a test needs with the {@code with} methods. */
    public static PullRequest pullRequest(int number) {
        return new PullRequest(number);
    }

    public static final class PullRequest {
        final ObjectNode node = Json.mapper().createObjectNode();

        PullRequest(int number) {
            node.put("id", "PR_" + number).put("fullDatabaseId", String.valueOf(1000 + number)).put("number", number)
                    .put("title", "Change " + number).put("state", "OPEN").put("isDraft", false)
                    .put("createdAt", "2026-03-01T10:00:00Z").put("updatedAt", "2026-03-02T10:00:00Z")
                    .putNull("closedAt").putNull("mergedAt").putNull("mergeCommit");
            node.putObject("author").put("login", "author" + number);
            node.put("headRefName", "feature/" + number).put("headRefOid", "h".repeat(40))
                    .put("baseRefName", "main").put("additions", 10).put("deletions", 2);
            node.set("commits", connection(0, null));
            node.set("reviews", connection(0, null));
            node.putObject("timelineItems").putArray("nodes");
        }

        public PullRequest merged(String mergedAt, String mergeSha) {
            node.put("state", "MERGED").put("closedAt", mergedAt).put("mergedAt", mergedAt);
            node.putObject("mergeCommit").put("oid", mergeSha);
            return this;
        }

        public PullRequest readyForReviewAt(String at) {
            ((ArrayNode) node.get("timelineItems").get("nodes")).addObject().put("createdAt", at);
            return this;
        }

        public PullRequest updatedAt(String at) {
            node.put("updatedAt", at);
            return this;
        }

        public PullRequest draft() {
            node.put("isDraft", true);
            return this;
        }

        /** The first page of its commits: {@code total} in all, a next page after {@code cursor} unless null. */
        public PullRequest commits(int total, String cursor, ObjectNode... commits) {
            node.set("commits", connection(total, cursor, commits));
            return this;
        }

        public PullRequest reviews(int total, String cursor, ObjectNode... reviews) {
            node.set("reviews", connection(total, cursor, reviews));
            return this;
        }
    }

    public static ObjectNode commit(String sha, String authoredDate) {
        ObjectNode node = Json.mapper().createObjectNode();
        node.putObject("commit").put("oid", sha).put("authoredDate", authoredDate);
        return node;
    }

    public static ObjectNode review(String id, long databaseId, String login, String state, String submittedAt,
            ObjectNode comments) {
        ObjectNode node = Json.mapper().createObjectNode().put("id", id).put("fullDatabaseId", String.valueOf(databaseId))
                .put("state", state).put("submittedAt", submittedAt);
        node.putObject("author").put("login", login);
        node.set("comments", comments);
        return node;
    }

    public static ObjectNode comment(long databaseId, String login, String createdAt, String state) {
        ObjectNode node = Json.mapper().createObjectNode().put("fullDatabaseId", String.valueOf(databaseId))
                .put("createdAt", createdAt).put("state", state);
        node.putObject("author").put("login", login);
        return node;
    }

    /** A connection: {@code totalCount}, {@code pageInfo} (a next page after {@code cursor} unless null), nodes. */
    public static ObjectNode connection(int totalCount, String cursor, ObjectNode... nodes) {
        ObjectNode connection = Json.mapper().createObjectNode().put("totalCount", totalCount);
        connection.putObject("pageInfo").put("hasNextPage", cursor != null).put("endCursor", cursor);
        ArrayNode list = connection.putArray("nodes");
        for (ObjectNode node : nodes) {
            list.add(node);
        }
        return connection;
    }

    /** An answer to the pull-request query: one page of {@code total}, costing {@code cost} points. */
    public static String pullRequestsPage(int total, String cursor, int cost, PullRequest... prs) {
        ObjectNode[] nodes = new ObjectNode[prs.length];
        for (int i = 0; i < prs.length; i++) {
            nodes[i] = prs[i].node;
        }
        ObjectNode data = data(cost);
        data.putObject("repository").set("pullRequests", connection(total, cursor, nodes));
        return answer(data);
    }

    /** An answer to a follow-up query: {@code field} of the node asked for. */
    public static String nodePage(String field, ObjectNode connection, int cost) {
        ObjectNode data = data(cost);
        data.putObject("node").set(field, connection);
        return answer(data);
    }

    private static ObjectNode data(int cost) {
        ObjectNode data = Json.mapper().createObjectNode();
        data.putObject("rateLimit").put("cost", cost).put("remaining", 4990).put("resetAt", "2030-01-01T00:00:00Z")
                .put("limit", 5000);
        return data;
    }

    private static String answer(ObjectNode data) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.set("data", data);
        return answer.toString();
    }

    public static ResponseDefinitionBuilder ok(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    /** The first page for repository {@code name} (any page size unless {@code first} is given). */
    public static void stubFirstPage(String name, Integer first, ResponseDefinitionBuilder answer) {
        var request = post(urlEqualTo("/graphql")).atPriority(first == null ? 6 : 5)
                .withRequestBody(matchingJsonPath("$.variables.name", equalTo(name)));
        if (first != null) {
            request = request.withRequestBody(matchingJsonPath("$.variables.first", equalTo(first.toString())));
        }
        GitHubFake.server.stubFor(request.willReturn(answer));
    }

    /** The page after {@code cursor} for repository {@code name}. */
    public static void stubPageAfter(String name, String cursor, ResponseDefinitionBuilder answer) {
        GitHubFake.server.stubFor(post(urlEqualTo("/graphql")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.name", equalTo(name)))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(cursor))).willReturn(answer));
    }

    /** A follow-up page of node {@code id} after {@code cursor}. */
    public static void stubNodePage(String id, String cursor, ResponseDefinitionBuilder answer) {
        GitHubFake.server.stubFor(post(urlEqualTo("/graphql")).atPriority(1)
                .withRequestBody(matchingJsonPath("$.variables.id", equalTo(id)))
                .withRequestBody(matchingJsonPath("$.variables.after", equalTo(cursor))).willReturn(answer));
    }

    /** The variables of every GraphQL request made for repository {@code name} or node ids, in order. */
    public static List<JsonNode> variablesSent(String jsonPath, String value) {
        List<JsonNode> variables = new ArrayList<>();
        GitHubFake.server.findAll(postRequestedFor(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath(jsonPath, WireMock.equalTo(value)))).forEach(request -> {
                    try {
                        variables.add(Json.mapper().readTree(request.getBodyAsString()).get("variables"));
                    } catch (java.io.IOException e) {
                        throw new java.io.UncheckedIOException(e);
                    }
                });
        return variables;
    }
}
