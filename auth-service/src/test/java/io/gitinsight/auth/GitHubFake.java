package io.gitinsight.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * A fake GitHub (web and API on one WireMock server) answering with GitHub's own example payloads. Each
 * user a test logs in is GitHub's {@code GET /user} example with its id, login and email replaced.
 */
public class GitHubFake implements QuarkusTestResourceLifecycleManager {

    static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("gitinsight.auth.github.web-url", server.baseUrl(), "gitinsight.auth.github.api-url",
                server.baseUrl());
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** GitHub accepts {@code code} and answers {@code /user} for its token with this account. */
    static void acceptsCode(String code, long githubId, String login, String email) {
        String token = "gho_" + code;
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=" + code))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                        + "\"scope\":\"read:user,user:email\"}")));
        ObjectNode user = userFixture();
        user.put("id", githubId).put("login", login);
        if (email == null) {
            user.putNull("email");
        } else {
            user.put("email", email);
        }
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(user.toString())));
    }

    static void refusesCode(String code) {
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=" + code))
                .willReturn(okJson("{\"error\":\"bad_verification_code\",\"error_description\":"
                        + "\"The code passed is incorrect or expired.\"}")));
    }

    static void failsWith(String code, int status) {
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token"))
                .withRequestBody(com.github.tomakehurst.wiremock.client.WireMock.containing("code=" + code))
                .willReturn(aResponse().withStatus(status)));
    }

    static ObjectNode userFixture() {
        try (InputStream in = GitHubFake.class.getResourceAsStream("/github/get_user.json")) {
            return (ObjectNode) Json.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
