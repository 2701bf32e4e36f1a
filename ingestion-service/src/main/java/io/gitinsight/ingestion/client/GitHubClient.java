package io.gitinsight.ingestion.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.ingestion.config.GitHubConfig;
import io.gitinsight.model.json.Json;
import io.gitinsight.support.security.Digests;
import io.smallrye.mutiny.Uni;

/**
 * GitHub REST as a well-behaved client: conditional requests from the {@link EtagCache}, the
 * {@link RateGovernor}'s budget and in-flight cap, waiting out primary and secondary limits instead of
 * failing, retries with exponential back-off and jitter on 5xx and connection errors, pagination that
 * follows {@code Link} to the end, and what every call cost in the caller's {@link RequestAccounting}.
 */
@ApplicationScoped
public class GitHubClient {

    private static final Logger LOG = Logger.getLogger(GitHubClient.class);

    private final GitHubRestClient rest;
    private final RateGovernor governor;
    private final EtagCache cache;
    private final GitHubConfig config;

    public GitHubClient(@RestClient GitHubRestClient rest, RateGovernor governor, EtagCache cache, GitHubConfig config) {
        this.rest = rest;
        this.governor = governor;
        this.cache = cache;
        this.config = config;
    }

    /** One resource; {@code token} null means the server token (or none). */
    public Uni<GitHubResponse> get(String pathAndQuery, String token, RequestAccounting accounting) {
        String effective = token != null ? token : config.token().filter(t -> !t.isBlank()).orElse(null);
        return attempt(pathAndQuery, effective, tokenKey(effective), accounting, 1);
    }

    /**
     * Creates something at GitHub. Not retried on 5xx (the creation may have happened); the caller makes
     * it idempotent by looking first, as webhook registration does.
     */
    public Uni<GitHubResponse> post(String path, JsonNode body, String token, RequestAccounting accounting) {
        String effective = token != null ? token : config.token().filter(t -> !t.isBlank()).orElse(null);
        String tokenKey = tokenKey(effective);
        return governor.acquire(tokenKey)
                .chain(() -> rest.post(path, effective == null ? null : "Bearer " + effective, body))
                .eventually(() -> governor.release(tokenKey)).map(response -> {
                    governor.observe(tokenKey, header(response, "x-ratelimit-limit"),
                            header(response, "x-ratelimit-remaining"), header(response, "x-ratelimit-reset"));
                    accounting.request(false);
                    String text = response.hasEntity() ? response.readEntity(String.class) : "";
                    if (response.getStatus() >= 300) {
                        throw new GitHubException(response.getStatus(), "GitHub answered " + response.getStatus()
                                + " for POST " + path + ": " + message(text));
                    }
                    return new GitHubResponse(response.getStatus(), parse(text), Optional.empty(), false);
                });
    }

    /** Every page of a list resource, in order. */
    public Uni<List<JsonNode>> getAll(String pathAndQuery, String token, RequestAccounting accounting) {
        List<JsonNode> items = new ArrayList<>();
        return page(pathAndQuery, token, accounting, items, item -> true).replaceWith(items);
    }

    /**
     * The leading items of a list resource sorted so that the wanted ones come first (pull requests by
     * {@code sort=updated&direction=desc}, say): items are taken while {@code wanted} accepts them, and no
     * page is requested after the first item it refuses.
     */
    public Uni<List<JsonNode>> getWhile(String pathAndQuery, String token, RequestAccounting accounting,
            Predicate<JsonNode> wanted) {
        List<JsonNode> items = new ArrayList<>();
        return page(pathAndQuery, token, accounting, items, wanted).replaceWith(items);
    }

    private Uni<Void> page(String pathAndQuery, String token, RequestAccounting accounting, List<JsonNode> items,
            Predicate<JsonNode> wanted) {
        return get(pathAndQuery, token, accounting).chain(response -> {
            for (JsonNode item : response.body()) {
                if (!wanted.test(item)) {
                    return Uni.createFrom().voidItem();
                }
                items.add(item);
            }
            return response.next().map(next -> page(next, token, accounting, items, wanted))
                    .orElse(Uni.createFrom().voidItem());
        });
    }

    private Uni<GitHubResponse> attempt(String pathAndQuery, String token, String tokenKey, RequestAccounting accounting,
            int attempt) {
        String authorization = token == null ? null : "Bearer " + token;
        return cache.get(tokenKey, pathAndQuery).chain(cached -> governor.acquire(tokenKey)
                .chain(() -> call(pathAndQuery, authorization, cached))
                .eventually(() -> governor.release(tokenKey))
                .chain(response -> handle(response, pathAndQuery, token, tokenKey, accounting, attempt, cached))
                .onFailure(GitHubClient::transient_).recoverWithUni(e -> retry(pathAndQuery, token, tokenKey, accounting,
                        attempt, "connection: " + e.getMessage())));
    }

    private Uni<Response> call(String pathAndQuery, String authorization, EtagCache.Entry cached) {
        int q = pathAndQuery.indexOf('?');
        String path = q < 0 ? pathAndQuery : pathAndQuery.substring(0, q);
        Map<String, String> query = q < 0 ? Map.of() : query(pathAndQuery.substring(q + 1));
        return rest.get(path.startsWith("/") ? path.substring(1) : path, query, authorization,
                cached == null ? null : cached.etag(), cached == null ? null : cached.lastModified());
    }

    private Uni<GitHubResponse> handle(Response response, String pathAndQuery, String token, String tokenKey,
            RequestAccounting accounting, int attempt, EtagCache.Entry cached) {
        int status = response.getStatus();
        governor.observe(tokenKey, header(response, "x-ratelimit-limit"), header(response, "x-ratelimit-remaining"),
                header(response, "x-ratelimit-reset"));
        accounting.request(status == 304);
        Optional<String> next = LinkHeader.next(header(response, "link"), config.apiUrl());
        if (status == 304 && cached != null) {
            return Uni.createFrom().item(new GitHubResponse(304, parse(cached.body()), next, true));
        }
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        if (status >= 200 && status < 300) {
            String etag = header(response, "etag");
            String lastModified = header(response, "last-modified");
            GitHubResponse answer = new GitHubResponse(status, parse(body), next, false);
            return etag == null && lastModified == null ? Uni.createFrom().item(answer)
                    : cache.put(tokenKey, pathAndQuery, new EtagCache.Entry(etag, lastModified, body)).replaceWith(answer);
        }
        if (status == 403 || status == 429) {
            Optional<Duration> wait = LimitWait.of(response, body, governor, tokenKey, config);
            if (wait.isPresent()) {
                LOG.infof("GitHub rate limit on %s: waiting %d s", pathAndQuery, wait.get().toSeconds());
                accounting.retry();
                return Uni.createFrom().voidItem().onItem().delayIt().by(wait.get())
                        .chain(() -> attempt(pathAndQuery, token, tokenKey, accounting, attempt));
            }
        }
        if (status >= 500) {
            return retry(pathAndQuery, token, tokenKey, accounting, attempt, "GitHub answered " + status);
        }
        return Uni.createFrom().failure(new GitHubException(status, "GitHub answered " + status + " for "
                + pathAndQuery + ": " + message(body)));
    }

    private Uni<GitHubResponse> retry(String pathAndQuery, String token, String tokenKey,
            RequestAccounting accounting, int attempt, String why) {
        if (attempt >= config.maxAttempts()) {
            return Uni.createFrom().failure(new GitHubException(0, why + " after " + attempt + " attempts: "
                    + pathAndQuery));
        }
        Duration delay = LimitWait.backoff(config, attempt);
        LOG.debugf("retrying %s in %d ms (%s)", pathAndQuery, delay.toMillis(), why);
        accounting.retry();
        return Uni.createFrom().voidItem().onItem().delayIt().by(delay)
                .chain(() -> attempt(pathAndQuery, token, tokenKey, accounting, attempt + 1));
    }

    static boolean transient_(Throwable e) {
        return e instanceof ProcessingException || e instanceof java.net.ConnectException
                || e instanceof java.util.concurrent.TimeoutException || e instanceof io.vertx.core.VertxException;
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> query = new LinkedHashMap<>();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String name = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            query.put(name, eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    private static String header(Response response, String name) {
        return response.getHeaderString(name);
    }

    static JsonNode parse(String body) {
        try {
            return body == null || body.isBlank() ? Json.mapper().nullNode() : Json.mapper().readTree(body);
        } catch (java.io.IOException e) {
            throw new GitHubException(502, "GitHub answered with a body that is not JSON");
        }
    }

    static String message(String body) {
        try {
            JsonNode json = Json.mapper().readTree(body);
            return json.path("message").asText(body);
        } catch (java.io.IOException | RuntimeException e) {
            return body.length() > 200 ? body.substring(0, 200) : body;
        }
    }

    /** Budgets and caches are per token; the token itself is never used as a key. */
    static String tokenKey(String token) {
        if (token == null) {
            return "anonymous";
        }
        return "token:" + Digests.sha256Hex(token.getBytes(StandardCharsets.UTF_8), 8);
    }
}
