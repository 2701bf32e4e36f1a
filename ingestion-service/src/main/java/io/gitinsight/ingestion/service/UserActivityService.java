package io.gitinsight.ingestion.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * A user's public activity as GitHub's events API tells it ({@code /users/{login}/events/public}: the last
 * 90 days, at most 300 events), for per-user scores beyond the tracked repositories — the user's own
 * public repositories included. Each event becomes activity of one kind: {@code commit} (a push counts
 * its commits), {@code pr} (opened), {@code review}, {@code issue} (opened) or {@code comment}.
 */
@ApplicationScoped
public class UserActivityService {

    /** One kind of activity at one time in one repository; {@code count} commits for a push. */
    public record Activity(String kind, Instant occurredAt, String repository, int count) {
    }

    public record UserActivity(String login, List<Activity> events) {
    }

    private final GitHubClient github;

    public UserActivityService(GitHubClient github) {
        this.github = github;
    }

    public Uni<UserActivity> activity(String login, Instant since) {
        if (!RepositoryLookupService.OWNER.matcher(login).matches()) {
            throw ApiException.invalid("login", "'" + login + "' is not a valid GitHub login");
        }
        return github.getAll("users/" + login + "/events/public?per_page=100", null, new RequestAccounting())
                .map(events -> new UserActivity(login, convert(events, since)))
                .onFailure(GitHubException.class).transform(e -> translate((GitHubException) e, login));
    }

    static List<Activity> convert(List<JsonNode> events, Instant since) {
        List<Activity> out = new ArrayList<>();
        for (JsonNode event : events) {
            Instant at = Instant.parse(event.path("created_at").asText());
            if (since != null && at.isBefore(since)) {
                continue;
            }
            String repo = event.path("repo").path("name").asText(null);
            JsonNode payload = event.path("payload");
            String action = payload.path("action").asText("");
            switch (event.path("type").asText()) {
                case "PushEvent" -> {
                    int commits = payload.path("distinct_size")
                            .asInt(payload.path("size").asInt(payload.path("commits").size()));
                    if (commits > 0) {
                        out.add(new Activity("commit", at, repo, commits));
                    }
                }
                case "PullRequestEvent" -> {
                    if (action.equals("opened")) {
                        out.add(new Activity("pr", at, repo, 1));
                    }
                }
                case "PullRequestReviewEvent" -> out.add(new Activity("review", at, repo, 1));
                case "IssuesEvent" -> {
                    if (action.equals("opened")) {
                        out.add(new Activity("issue", at, repo, 1));
                    }
                }
                case "IssueCommentEvent", "PullRequestReviewCommentEvent", "CommitCommentEvent" -> {
                    if (action.isEmpty() || action.equals("created")) {
                        out.add(new Activity("comment", at, repo, 1));
                    }
                }
                default -> {
                    // stars, forks, releases, ... are not contributions a score counts
                }
            }
        }
        return out;
    }

    private static Throwable translate(GitHubException e, String login) {
        if (e.status() == 404) {
            return new ApiException(ErrorCode.NOT_FOUND, "GitHub has no user " + login, Map.of("login", login));
        }
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub could not be asked about " + login + ": "
                + e.getMessage(), Map.of("login", login, "upstream", "github"), e);
    }
}
