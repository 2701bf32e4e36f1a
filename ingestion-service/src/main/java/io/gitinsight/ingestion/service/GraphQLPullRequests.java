package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.GitHubGraphQLClient;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.ingestion.config.GitHubConfig;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;

/**
 * Pull requests over GraphQL: pages of pull requests (oldest first) followed by {@code pageInfo} to the
 * end, each with its first commits, reviews and review comments; a longer list is read to its end from
 * the pull request or review it belongs to. Every list is checked against its {@code totalCount}: a gap
 * fails the sync. GitHub prices a page by the connections it could return (pull requests, plus commits,
 * reviews and timeline per pull request, plus comments per review, divided by 100): with 50 pull
 * requests a page costs (1 + 50 × 3 + 50 × 20) / 100 ≈ 12 points, against 50 REST requests for the
 * reviews alone.
 */
@ApplicationScoped
class GraphQLPullRequests {

    static final int FIRST_INCREMENTAL_PAGE = 10;

    private final GitHubGraphQLClient graphql;
    private final int pageSize;

    GraphQLPullRequests(GitHubGraphQLClient graphql, GitHubConfig config) {
        this.graphql = graphql;
        this.pageSize = Math.min(100, config.graphql().pageSize());
    }

    /** All of them. */
    Uni<PullRequestData> collect(String fullName, String token, RequestAccounting accounting) {
        return collect(fullName, null, token, accounting);
    }

    /** Those updated since {@code since} (and the rest of the page that reaches back before it); null: all. */
    Uni<PullRequestData> collect(String fullName, Instant since, String token, RequestAccounting accounting) {
        Walk walk = new Walk(fullName, since, token, accounting);
        // an incremental sync mostly finds nothing new: its first page is small (a few points, not a dozen),
        // and pages grow while they keep finding updated ones
        int first = since == null ? pageSize : Math.min(pageSize, FIRST_INCREMENTAL_PAGE);
        return walk.page(null, first).map(ignored -> new PullRequestData(walk.pullRequests, walk.reviews));
    }

    /** One repository's walk: what it has collected so far. */
    private final class Walk {

        private final String fullName;
        private final Instant since;
        private final String owner;
        private final String name;
        private final String token;
        private final RequestAccounting accounting;
        private final List<JsonNode> pullRequests = new ArrayList<>();
        private final List<JsonNode> reviews = new ArrayList<>();

        Walk(String fullName, Instant since, String token, RequestAccounting accounting) {
            this.fullName = fullName;
            this.since = since;
            int slash = fullName.indexOf('/');
            this.owner = fullName.substring(0, slash);
            this.name = fullName.substring(slash + 1);
            this.token = token;
            this.accounting = accounting;
        }

        Uni<Void> page(String cursor, int size) {
            ObjectNode variables = Json.mapper().createObjectNode().put("owner", owner).put("name", name);
            if (cursor != null) {
                variables.put("after", cursor);
            }
            variables.putObject("order").put("field", since == null ? "CREATED_AT" : "UPDATED_AT")
                    .put("direction", since == null ? "ASC" : "DESC");
            return graphql.queryPage(PullRequestQueries.PULL_REQUESTS, variables, size, token, accounting).chain(page -> {
                JsonNode connection = page.data().path("repository").path("pullRequests");
                if (connection.isMissingNode()) {
                    throw new GitHubException(404, "GitHub's GraphQL API knows no repository " + fullName);
                }
                return each(connection.path("nodes"), this::pullRequest).chain(() -> {
                    if (reachesBackBeforeSince(connection.path("nodes"))) {
                        // the rest was updated before the previous sync, which collected it
                        return Uni.createFrom().voidItem();
                    }
                    if (connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                        // a page size that had to be halved stays halved: the next pages are as heavy; an
                        // incremental walk's small pages double up to the full size while they find updates
                        int next = since == null || page.pageSize() < size ? page.pageSize()
                                : Math.min(pageSize, page.pageSize() * 2);
                        return page(connection.path("pageInfo").path("endCursor").asText(), next);
                    }
                    check(connection, pullRequests.size(), "pull requests");
                    return Uni.createFrom().voidItem();
                });
            });
        }

        private boolean reachesBackBeforeSince(JsonNode nodes) {
            if (since == null || nodes.isEmpty()) {
                return false;
            }
            String oldest = nodes.get(nodes.size() - 1).path("updatedAt").asText(null);
            return oldest != null && Instant.parse(oldest).isBefore(since);
        }

        private Uni<Void> pullRequest(JsonNode pr) {
            int number = pr.path("number").asInt();
            String id = pr.path("id").asText();
            List<JsonNode> commits = new ArrayList<>();
            int[] reviewCount = { 0 };
            Function<JsonNode, Uni<Void>> review = node -> {
                reviewCount[0]++;
                return review(node, number);
            };
            return each(pr.path("commits").path("nodes"), commit -> add(commits, commit))
                    .chain(() -> rest(pr.path("commits"), PullRequestQueries.COMMITS, id, "commits",
                            commit -> add(commits, commit)))
                    .chain(() -> each(pr.path("reviews").path("nodes"), review))
                    .chain(() -> rest(pr.path("reviews"), PullRequestQueries.REVIEWS, id, "reviews", review))
                    .invoke(() -> {
                        check(pr.path("commits"), commits.size(), "commits of pull request #" + number);
                        check(pr.path("reviews"), reviewCount[0], "reviews of pull request #" + number);
                        pullRequests.add(PullRequestShapes.pullRequest(pr, commits));
                    });
        }

        private Uni<Void> review(JsonNode review, int number) {
            reviews.add(PullRequestShapes.review(review, number));
            int[] count = { 0 };
            Function<JsonNode, Uni<Void>> comment = node -> {
                count[0]++;
                // a pending comment is not visible to anyone else yet: REST does not list it either
                if (!node.path("state").asText().equals("PENDING")) {
                    reviews.add(PullRequestShapes.comment(node, number));
                }
                return Uni.createFrom().voidItem();
            };
            return each(review.path("comments").path("nodes"), comment)
                    .chain(() -> rest(review.path("comments"), PullRequestQueries.COMMENTS, review.path("id").asText(),
                            "comments", comment))
                    .invoke(() -> check(review.path("comments"), count[0], "comments of a review of pull request #"
                            + number));
        }

        /** The pages of a nested connection after the first, read from the node it hangs on. */
        private Uni<Void> rest(JsonNode connection, String document, String nodeId, String field,
                Function<JsonNode, Uni<Void>> sink) {
            if (!connection.path("pageInfo").path("hasNextPage").asBoolean()) {
                return Uni.createFrom().voidItem();
            }
            ObjectNode variables = Json.mapper().createObjectNode().put("id", nodeId)
                    .put("after", connection.path("pageInfo").path("endCursor").asText());
            return graphql.queryPage(document, variables, PullRequestQueries.FOLLOW_UP_PAGE, token, accounting)
                    .chain(page -> {
                        JsonNode next = page.data().path("node").path(field);
                        return each(next.path("nodes"), sink).chain(() -> rest(next, document, nodeId, field, sink));
                    });
        }

        private void check(JsonNode connection, int collected, String what) {
            long expected = connection.path("totalCount").asLong();
            if (collected != expected) {
                throw new SyncService.IncompleteSyncException("incomplete data for " + fullName + ": GitHub counts "
                        + expected + " " + what + ", GraphQL returned " + collected);
            }
        }
    }

    private static Uni<Void> add(List<JsonNode> list, JsonNode item) {
        list.add(item);
        return Uni.createFrom().voidItem();
    }

    /** {@code action} on each node in turn (a page holds at most 100). */
    private static Uni<Void> each(JsonNode nodes, Function<JsonNode, Uni<Void>> action) {
        Uni<Void> chain = Uni.createFrom().voidItem();
        for (JsonNode node : nodes) {
            chain = chain.chain(() -> action.apply(node));
        }
        return chain;
    }
}
