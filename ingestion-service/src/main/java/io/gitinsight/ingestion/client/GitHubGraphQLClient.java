package io.gitinsight.ingestion.client;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.gitinsight.ingestion.config.GitHubConfig;
import io.gitinsight.model.json.Json;
import io.smallrye.mutiny.Uni;

/**
 * GitHub GraphQL as a well-behaved client, like {@link GitHubClient} for REST: the {@link RateGovernor}'s
 * budget (GraphQL's own points budget, kept apart from REST's) and in-flight cap, waits on rate limits,
 * back-off on 5xx, and each query's {@code rateLimit.cost} in the caller's {@link RequestAccounting}.
 * A 502, 504 or timeout is GitHub giving up on a heavy query: {@link #queryPage} asks again with half the
 * page. 401, 403 and 404 mean no GraphQL here: {@link GraphQLUnavailableException}, and the caller uses REST.
 */
@ApplicationScoped
public class GitHubGraphQLClient {

    private static final Logger LOG = Logger.getLogger(GitHubGraphQLClient.class);

    private final GitHubGraphQLRestClient rest;
    private final RateGovernor governor;
    private final GitHubConfig config;

    public GitHubGraphQLClient(@RestClient GitHubGraphQLRestClient rest, RateGovernor governor, GitHubConfig config) {
        this.rest = rest;
        this.governor = governor;
        this.config = config;
    }

    /** The {@code data} of a page and the page size ({@code $first}) that finally worked. */
    public record Page(JsonNode data, int pageSize) {
    }

    /**
     * Runs a query whose {@code $first} is a page size, starting at {@code pageSize} and halving it after
     * each 502 or timeout, down to the configured floor; failing at the floor fails for good.
     */
    public Uni<Page> queryPage(String document, ObjectNode variables, int pageSize, String token,
            RequestAccounting accounting) {
        ObjectNode sized = variables.deepCopy().put("first", pageSize);
        return query(document, sized, token, accounting).map(data -> new Page(data, pageSize))
                .onFailure(GraphQLTooHeavyException.class).recoverWithUni(e -> {
                    int floor = Math.max(1, config.graphql().minPageSize());
                    if (pageSize <= floor) {
                        return Uni.createFrom().failure(new GitHubException(((GitHubException) e).status(),
                                "GitHub's GraphQL API failed even on pages of " + pageSize + ": " + e.getMessage(), e));
                    }
                    int smaller = Math.max(floor, pageSize / 2);
                    LOG.infof("GraphQL page of %d failed (%s): asking for %d", pageSize, e.getMessage(), smaller);
                    accounting.retry();
                    return queryPage(document, variables, smaller, token, accounting);
                });
    }

    /** One query; the answer's {@code data}. {@code token} null means the server token. */
    public Uni<JsonNode> query(String document, ObjectNode variables, String token, RequestAccounting accounting) {
        String effective = token != null ? token : config.token().filter(t -> !t.isBlank()).orElse(null);
        // GraphQL points are a budget of their own, apart from the token's REST budget
        String budget = GitHubClient.tokenKey(effective) + "/graphql";
        ObjectNode body = Json.mapper().createObjectNode().put("query", document);
        body.set("variables", variables);
        return attempt(body, effective == null ? null : "Bearer " + effective, budget, accounting, 1);
    }

    private Uni<JsonNode> attempt(ObjectNode body, String authorization, String budget, RequestAccounting accounting,
            int attempt) {
        return governor.acquire(budget).chain(() -> rest.post(authorization, body))
                .eventually(() -> governor.release(budget))
                .onFailure(GitHubGraphQLClient::timedOut).transform(e -> {
                    accounting.graphqlRequest(0);
                    return new GraphQLTooHeavyException(0, "GraphQL query timed out");
                })
                .chain(response -> handle(response, body, authorization, budget, accounting, attempt))
                .onFailure(e -> !(e instanceof GitHubException) && GitHubClient.transient_(e))
                .recoverWithUni(e -> retry(body, authorization, budget, accounting, attempt, "connection: " + e.getMessage()));
    }

    private Uni<JsonNode> handle(Response response, ObjectNode body, String authorization, String budget,
            RequestAccounting accounting, int attempt) {
        int status = response.getStatus();
        String text = response.hasEntity() ? response.readEntity(String.class) : "";
        boolean headers = response.getHeaderString("x-ratelimit-remaining") != null;
        governor.observe(budget, response.getHeaderString("x-ratelimit-limit"),
                response.getHeaderString("x-ratelimit-remaining"), response.getHeaderString("x-ratelimit-reset"));
        if (status == 200) {
            JsonNode json = GitHubClient.parse(text);
            JsonNode data = json.path("data");
            JsonNode rateLimit = data.path("rateLimit");
            accounting.graphqlRequest(rateLimit.path("cost").asLong(0));
            if (!headers) {
                observe(budget, rateLimit);
            }
            JsonNode errors = json.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                return errors(errors, body, authorization, budget, accounting, attempt);
            }
            if (!data.isObject()) {
                return Uni.createFrom().failure(new GitHubException(502, "GitHub's GraphQL API answered without data"));
            }
            return Uni.createFrom().item(data);
        }
        accounting.graphqlRequest(0);
        if (status == 403 || status == 429) {
            Optional<Duration> wait = LimitWait.of(response, text, governor, budget, config);
            if (wait.isPresent()) {
                return waitAndRetry(wait.get(), body, authorization, budget, accounting, attempt);
            }
        }
        String message = "GitHub's GraphQL API answered " + status + ": " + GitHubClient.message(text);
        if (status == 401 || status == 403 || status == 404) {
            return Uni.createFrom().failure(new GraphQLUnavailableException(status, message));
        }
        if (status == 502 || status == 504) {
            return Uni.createFrom().failure(new GraphQLTooHeavyException(status, message));
        }
        if (status >= 500) {
            return retry(body, authorization, budget, accounting, attempt, message);
        }
        return Uni.createFrom().failure(new GitHubException(status, message));
    }

    /** An answer with {@code errors}: a rate limit, a timeout, GraphQL refused, or a failure. */
    private Uni<JsonNode> errors(JsonNode errors, ObjectNode body, String authorization, String budget,
            RequestAccounting accounting, int attempt) {
        List<String> messages = new ArrayList<>();
        boolean rateLimited = false;
        boolean timedOut = false;
        boolean refused = false;
        for (JsonNode error : errors) {
            String type = error.path("type").asText("");
            String message = error.path("message").asText("");
            messages.add(type.isEmpty() ? message : type + ": " + message);
            String lower = message.toLowerCase(Locale.ROOT);
            rateLimited |= type.equals("RATE_LIMITED");
            timedOut |= lower.contains("timeout") || lower.contains("timed out");
            refused |= type.equals("FORBIDDEN") || type.equals("NOT_FOUND") || lower.contains("unavailable")
                    || lower.contains("not available") || lower.contains("disabled");
        }
        String summary = "GitHub's GraphQL API answered with errors: " + String.join("; ", messages);
        if (rateLimited) {
            return waitAndRetry(governor.untilReset(budget), body, authorization, budget, accounting, attempt);
        }
        if (timedOut) {
            return Uni.createFrom().failure(new GraphQLTooHeavyException(200, summary));
        }
        if (refused) {
            return Uni.createFrom().failure(new GraphQLUnavailableException(200, summary));
        }
        return Uni.createFrom().failure(new GitHubException(502, summary));
    }

    private Uni<JsonNode> waitAndRetry(Duration wait, ObjectNode body, String authorization, String budget,
            RequestAccounting accounting, int attempt) {
        if (wait.compareTo(config.maxResetWait()) > 0) {
            return Uni.createFrom().failure(new GitHubException(429, "GitHub's GraphQL budget is spent for longer "
                    + "than the longest wait configured (" + wait.toMinutes() + " min)"));
        }
        LOG.infof("GitHub GraphQL rate limit: waiting %d s", wait.toSeconds());
        accounting.retry();
        return Uni.createFrom().voidItem().onItem().delayIt().by(wait)
                .chain(() -> attempt(body, authorization, budget, accounting, attempt));
    }

    private Uni<JsonNode> retry(ObjectNode body, String authorization, String budget, RequestAccounting accounting,
            int attempt, String why) {
        if (attempt >= config.maxAttempts()) {
            return Uni.createFrom().failure(new GitHubException(0, why + " after " + attempt + " attempts"));
        }
        Duration delay = LimitWait.backoff(config, attempt);
        LOG.debugf("retrying a GraphQL query in %d ms (%s)", delay.toMillis(), why);
        accounting.retry();
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                .chain(() -> attempt(body, authorization, budget, accounting, attempt + 1));
    }

    /** The budget from the query's own {@code rateLimit} when the response carried no headers. */
    private void observe(String budget, JsonNode rateLimit) {
        if (rateLimit.hasNonNull("remaining") && rateLimit.hasNonNull("resetAt")) {
            try {
                governor.observe(budget, rateLimit.path("limit").asText(null), rateLimit.get("remaining").asText(),
                        String.valueOf(Instant.parse(rateLimit.get("resetAt").asText()).getEpochSecond()));
            } catch (DateTimeParseException e) {
                LOG.debugf("unreadable rateLimit.resetAt: %s", rateLimit.get("resetAt"));
            }
        }
    }

    /** A read timeout, whatever layer reports it. */
    private static boolean timedOut(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof java.util.concurrent.TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t.getClass().getSimpleName().contains("Timeout")) {
                return true;
            }
        }
        return false;
    }
}
