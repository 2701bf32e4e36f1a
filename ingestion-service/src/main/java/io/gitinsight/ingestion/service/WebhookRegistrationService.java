package io.gitinsight.ingestion.service;

import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.client.GitHubClient;
import io.gitinsight.ingestion.client.GitHubException;
import io.gitinsight.ingestion.client.RequestAccounting;
import io.gitinsight.ingestion.config.WebhookConfig;
import io.gitinsight.model.error.ErrorCode;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.error.ApiException;
import io.smallrye.mutiny.Uni;

/**
 * Creates the repository webhook that sends GitHub's events to this platform, with the secret set.
 * Idempotent: a hook already pointing at our URL is reused, so registering twice creates nothing.
 */
@ApplicationScoped
public class WebhookRegistrationService {

    /** The events GitInsight consumes (CONTRACT §2 "Webhooks in"). */
    static final List<String> EVENTS = List.of("push", "pull_request", "pull_request_review",
            "pull_request_review_comment", "issues", "issue_comment", "check_run", "check_suite", "workflow_run",
            "deployment", "deployment_status", "release", "create", "delete", "star", "fork", "repository");

    public record Registration(long hookId, boolean reused) {
    }

    private final GitHubClient github;
    private final WebhookConfig config;

    public WebhookRegistrationService(GitHubClient github, WebhookConfig config) {
        this.github = github;
        this.config = config;
    }

    public Uni<Registration> register(String owner, String name) {
        String url = config.publicUrl().filter(u -> !u.isBlank()).orElseThrow(() -> new ApiException(
                ErrorCode.UPSTREAM_UNAVAILABLE, "webhook registration needs WEBHOOK_PUBLIC_URL"));
        String secret = config.secret().filter(s -> !s.isBlank()).orElseThrow(() -> new ApiException(
                ErrorCode.UPSTREAM_UNAVAILABLE, "webhook registration needs GITHUB_WEBHOOK_SECRET"));
        String hooks = "repos/" + owner + "/" + name + "/hooks";
        RequestAccounting accounting = new RequestAccounting();
        return github.getAll(hooks + "?per_page=100", null, accounting).chain(existing -> {
            for (JsonNode hook : existing) {
                if (url.equals(hook.path("config").path("url").asText())) {
                    return Uni.createFrom().item(new Registration(hook.path("id").asLong(), true));
                }
            }
            return github.post(hooks, body(url, secret), null, accounting)
                    .map(created -> new Registration(created.body().path("id").asLong(), false));
        }).onFailure(GitHubException.class).transform(e -> translate((GitHubException) e, owner + "/" + name));
    }

    private static ObjectNode body(String url, String secret) {
        ObjectNode body = Json.mapper().createObjectNode().put("name", "web").put("active", true);
        EVENTS.forEach(body.putArray("events")::add);
        body.putObject("config").put("url", url).put("content_type", "json").put("secret", secret)
                .put("insecure_ssl", "0");
        return body;
    }

    private static Throwable translate(GitHubException e, String fullName) {
        if (e.status() == 404) {
            return new ApiException(ErrorCode.REPOSITORY_NOT_FOUND, "GitHub has no repository " + fullName
                    + " this token may manage hooks of", Map.of("full_name", fullName));
        }
        if (e.status() == 403) {
            return new ApiException(ErrorCode.AUTHORIZATION_DENIED, "the GitHub token may not manage hooks of "
                    + fullName + " (admin:repo_hook)", Map.of("full_name", fullName));
        }
        return new ApiException(ErrorCode.UPSTREAM_UNAVAILABLE, 502, "GitHub failed registering the webhook of "
                + fullName + ": " + e.getMessage(), Map.of("full_name", fullName, "upstream", "github"), e);
    }
}
