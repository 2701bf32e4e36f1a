package io.gitinsight.systemtest.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.github.FakeGitHub;

/**
 * The OAuth login a browser goes through, step by step: the gateway's login redirect to GitHub's authorize
 * page, GitHub's redirect back to the callback with a code and the same {@code state}, and the callback's
 * tokens (asked for as JSON, as a single-page app does).
 */
public final class Login {

    private final Api api;
    private final String githubUrl;

    public Login(Api api, String githubUrl) {
        this.api = api;
        this.githubUrl = githubUrl;
    }

    /** Signs {@code login} in; every redirect of the flow is checked on the way. */
    public Tokens signIn(String login) {
        ApiResponse start = api.get("/auth/github/login", Caller.GUEST);
        assertThat(start.status()).as(start.describe()).isEqualTo(302);
        String authorize = start.header("Location");
        assertThat(authorize).startsWith(githubUrl + "/login/oauth/authorize?");
        Map<String, String> query = query(authorize);
        assertThat(query).containsKeys("client_id", "scope", "state");

        ApiResponse atGitHub = api.send("GET", authorize, null, Caller.GUEST,
                Map.of("Cookie", FakeGitHub.SESSION_COOKIE + "=" + login));
        assertThat(atGitHub.status()).as(atGitHub.describe()).isEqualTo(302);
        String callback = atGitHub.header("Location");
        assertThat(query(callback)).containsEntry("state", query.get("state")).containsEntry("code", "code-" + login);

        ApiResponse tokens = api.send("GET", callback, null, Caller.GUEST, Map.of("Accept", "application/json"));
        assertThat(tokens.status()).as(tokens.describe()).isEqualTo(200);
        JsonNode body = tokens.json();
        assertThat(body.path("token_type").asText()).isEqualTo("Bearer");
        return new Tokens(login, body.path("access_token").asText(), body.path("refresh_token").asText(),
                body.path("user"), callback);
    }

    /** Fresh tokens for a refresh token (the old one stops working). */
    public Tokens refresh(Tokens tokens) {
        ApiResponse refreshed = api.post("/auth/refresh", Map.of("refresh_token", tokens.refreshToken()), Caller.GUEST);
        assertThat(refreshed.status()).as(refreshed.describe()).isEqualTo(200);
        JsonNode body = refreshed.json();
        return new Tokens(tokens.login(), body.path("access_token").asText(), body.path("refresh_token").asText(),
                body.path("user"), tokens.callbackUrl());
    }

    static Map<String, String> query(String url) {
        Map<String, String> query = new LinkedHashMap<>();
        String raw = URI.create(url).getRawQuery();
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            query.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                    URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
        }
        return query;
    }

    /** What the callback gave a signed-in user. */
    public record Tokens(String login, String accessToken, String refreshToken, JsonNode user, String callbackUrl) {

        public Caller caller() {
            return Caller.bearer(login, accessToken);
        }

        public String userId() {
            return user.path("id").asText();
        }
    }
}
