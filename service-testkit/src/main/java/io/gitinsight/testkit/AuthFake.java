package io.gitinsight.testkit;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.gitinsight.model.json.Json;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * auth-service as a backend sees it, for a service's own tests: the JWKS of {@link TestTokens} and the
 * internal API-key check ({@link #apiKey} registers a key). Sets {@code AUTH_SERVICE_URL}'s property.
 * The end-to-end tests run the real auth-service instead.
 */
public class AuthFake implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        server.stubFor(get(urlPathEqualTo("/.well-known/jwks.json")).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody(TestTokens.jwks())));
        server.stubFor(post(urlPathEqualTo("/internal/api-keys/verify")).atPriority(10)
                .willReturn(aResponse().withStatus(401).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"AUTHENTICATION_REQUIRED\",\"message\":\"unknown key\"}}")));
        return Map.of("gitinsight.auth.url", server.baseUrl());
    }

    /** Makes {@code key} a valid API key of a user with these scopes. */
    public static void apiKey(String key, UUID userId, String login, Role role, List<String> scopes) {
        String owner = Json.mapper().createObjectNode().put("key_id", UUID.randomUUID().toString())
                .put("user_id", userId.toString()).put("login", login).put("role", role.value())
                .put("rate_limit_per_hour", 1000).set("scopes", Json.mapper().valueToTree(scopes)).toString();
        server.stubFor(post(urlPathEqualTo("/internal/api-keys/verify")).atPriority(1)
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .withRequestBody(matchingJsonPath("$.key", equalTo(key)))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(owner)));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
