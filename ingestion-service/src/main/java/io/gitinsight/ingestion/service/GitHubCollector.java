package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;

/**
 * What a sync collects from GitHub besides git history: pull requests with their commits, reviews and
 * review comments (GraphQL first, see {@link PullRequestCollector}), and over REST issues (pull requests
 * excluded: the issues endpoint lists both), releases, and deployments with their statuses. Lists are
 * read to their last page.
 */
@ApplicationScoped
public class GitHubCollector {

    public record Collected(List<JsonNode> pullRequests, List<JsonNode> reviews, List<JsonNode> issues,
            List<JsonNode> releases, List<JsonNode> deployments) {
    }

    private final GitHubClient github;
    private final PullRequestCollector pullRequests;

    GitHubCollector(GitHubClient github, PullRequestCollector pullRequests) {
        this.github = github;
        this.pullRequests = pullRequests;
    }

    /** {@code token} null means the server token (or none). */
    public Uni<Collected> collect(String fullName, Instant since, String token, RequestAccounting accounting) {
        String repo = "repos/" + fullName;
        String sinceParam = since == null ? "" : "&since=" + since;
        Uni<List<JsonNode>> issues = github.getAll(repo + "/issues?state=all&per_page=100" + sinceParam, token, accounting)
                .map(all -> all.stream().filter(i -> !i.has("pull_request")).toList());
        Uni<List<JsonNode>> releases = github.getAll(repo + "/releases?per_page=100", token, accounting);
        Uni<List<JsonNode>> deployments = github.getAll(repo + "/deployments?per_page=100", token, accounting)
                .chain(list -> withStatuses(repo, list, token, accounting));
        return pullRequests.collect(fullName, since, token, accounting).chain(prs -> issues.chain(is -> releases
                .chain(rs -> deployments.map(ds -> new Collected(prs.pullRequests(), prs.reviews(), is, rs, ds)))));
    }

    private Uni<List<JsonNode>> withStatuses(String repo, List<JsonNode> deployments, String token,
            RequestAccounting accounting) {
        return Multi.createFrom().iterable(deployments).onItem().transformToUniAndConcatenate(d -> github
                .getAll(repo + "/deployments/" + d.path("id").asLong() + "/statuses?per_page=100", token, accounting)
                .map(statuses -> {
                    ((ObjectNode) d).putArray("statuses").addAll(statuses);
                    return d;
                })).collect().asList();
    }
}
