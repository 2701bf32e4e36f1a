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
 * What a sync collects from GitHub's REST API besides git history: pull requests with their reviews,
 * issues (pull requests excluded: the issues endpoint lists both), releases, and deployments with their
 * statuses. Lists are read to their last page.
 */
@ApplicationScoped
public class GitHubCollector {

    public record Collected(List<JsonNode> pullRequests, List<JsonNode> reviews, List<JsonNode> issues,
            List<JsonNode> releases, List<JsonNode> deployments) {
    }

    private final GitHubClient github;

    public GitHubCollector(GitHubClient github) {
        this.github = github;
    }

    public Uni<Collected> collect(String fullName, Instant since, RequestAccounting accounting) {
        String repo = "repos/" + fullName;
        String sinceParam = since == null ? "" : "&since=" + since;
        Uni<List<JsonNode>> pulls = github.getAll(repo + "/pulls?state=all&per_page=100", null, accounting);
        Uni<List<JsonNode>> issues = github.getAll(repo + "/issues?state=all&per_page=100" + sinceParam, null, accounting)
                .map(all -> all.stream().filter(i -> !i.has("pull_request")).toList());
        Uni<List<JsonNode>> releases = github.getAll(repo + "/releases?per_page=100", null, accounting);
        Uni<List<JsonNode>> deployments = github.getAll(repo + "/deployments?per_page=100", null, accounting)
                .chain(list -> withStatuses(repo, list, accounting));
        return pulls.chain(prs -> reviews(repo, prs, accounting).chain(reviews -> issues.chain(is -> releases
                .chain(rs -> deployments.map(ds -> new Collected(prs, reviews, is, rs, ds))))));
    }

    private Uni<List<JsonNode>> reviews(String repo, List<JsonNode> pulls, RequestAccounting accounting) {
        return Multi.createFrom().iterable(pulls).onItem().transformToUniAndConcatenate(pr -> github
                .getAll(repo + "/pulls/" + pr.path("number").asInt() + "/reviews?per_page=100", null, accounting)
                .map(reviews -> {
                    reviews.forEach(r -> ((ObjectNode) r).put("pull_request_number", pr.path("number").asInt()));
                    return reviews;
                })).collect().in(ArrayList<JsonNode>::new, List::addAll);
    }

    private Uni<List<JsonNode>> withStatuses(String repo, List<JsonNode> deployments, RequestAccounting accounting) {
        return Multi.createFrom().iterable(deployments).onItem().transformToUniAndConcatenate(d -> github
                .getAll(repo + "/deployments/" + d.path("id").asLong() + "/statuses?per_page=100", null, accounting)
                .map(statuses -> {
                    ((ObjectNode) d).putArray("statuses").addAll(statuses);
                    return d;
                })).collect().asList();
    }
}
