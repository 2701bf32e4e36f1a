package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * Pull requests over REST, when GraphQL is off or refused: the pull list, each one's reviews (one request
 * per pull request), and the repository's review comments in one list. REST says nothing of a pull
 * request's own commits ({@code pr_commits} is absent) nor of when a draft became ready (null).
 */
@ApplicationScoped
class RestPullRequests {

    private final GitHubClient github;

    RestPullRequests(GitHubClient github) {
        this.github = github;
    }

    Uni<PullRequestData> collect(String fullName, String token, RequestAccounting accounting) {
        return collect(fullName, null, token, accounting);
    }

    /**
     * {@code since}: an incremental sync's previous one. The pull list is then read most recently updated
     * first, up to the first pull request not updated since (usually one page, a free 304 when nothing
     * changed); only those have their reviews asked for, and only review comments updated since are listed.
     * Null: everything, in GitHub's default order, whose pages stay the same (and so 304) while nothing changes.
     */
    Uni<PullRequestData> collect(String fullName, Instant since, String token, RequestAccounting accounting) {
        String repo = "repos/" + fullName;
        String sinceParam = since == null ? "" : "&since=" + since;
        Uni<List<JsonNode>> listing = since == null
                ? github.getAll(repo + "/pulls?state=all&per_page=100", token, accounting)
                : github.getWhile(repo + "/pulls?state=all&sort=updated&direction=desc&per_page=100", token,
                        accounting, pr -> updatedSince(pr, since)).map(RestPullRequests::distinct);
        return listing.chain(pulls -> {
            pulls.forEach(pr -> ((ObjectNode) pr).putNull("ready_for_review_at"));
            return reviews(repo, pulls, token, accounting).chain(reviews -> github
                    .getAll(repo + "/pulls/comments?per_page=100" + sinceParam, token, accounting).map(comments -> {
                        List<JsonNode> all = new ArrayList<>(reviews);
                        comments.forEach(c -> all.add(PullRequestShapes.restComment(c)));
                        return new PullRequestData(pulls, all);
                    }));
        });
    }

    /**
     * A pull request updated while the list was being read moves to its front, pushing the others one place
     * down: one of them may then appear at the end of a page and again at the start of the next.
     */
    private static List<JsonNode> distinct(List<JsonNode> pulls) {
        java.util.Map<Integer, JsonNode> byNumber = new java.util.LinkedHashMap<>();
        pulls.forEach(pr -> byNumber.putIfAbsent(pr.path("number").asInt(), pr));
        return new ArrayList<>(byNumber.values());
    }

    private static boolean updatedSince(JsonNode pr, Instant since) {
        String updated = pr.path("updated_at").asText(null);
        return updated == null || !Instant.parse(updated).isBefore(since);
    }

    private Uni<List<JsonNode>> reviews(String repo, List<JsonNode> pulls, String token,
            RequestAccounting accounting) {
        return Multi.createFrom().iterable(pulls).onItem().transformToUniAndConcatenate(pr -> github
                .getAll(repo + "/pulls/" + pr.path("number").asInt() + "/reviews?per_page=100", token, accounting)
                .map(reviews -> {
                    reviews.forEach(r -> ((ObjectNode) r).put("pull_request_number", pr.path("number").asInt())
                            .put("kind", "review"));
                    return reviews;
                })).collect().in(ArrayList<JsonNode>::new, List::addAll);
    }
}
