package io.gitinsight.analysis;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.util.Map;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * ingestion-service's internal API as analysis calls it (the end-to-end tests run the real one): answers
 * GitHub's metadata for the repositories a test registers, and ingestion's 404 for the others.
 */
public class IngestionFake implements QuarkusTestResourceLifecycleManager {

    public static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(wireMockConfig().dynamicPort());
        server.start();
        return Map.of("quarkus.rest-client.ingestion.url", server.baseUrl());
    }

    /** GitHub knows {@code owner/name}: ingestion answers its metadata (RepositoryMetadata's fields). */
    public static ObjectNode knows(String owner, String name, long githubId) {
        return knows(owner, name, githubId, false);
    }

    /** As {@link #knows(String, String, long)}, private at GitHub when {@code isPrivate}. */
    public static ObjectNode knows(String owner, String name, long githubId, boolean isPrivate) {
        ObjectNode metadata = Json.mapper().createObjectNode().put("github_id", githubId).put("name", name)
                .put("full_name", owner + "/" + name).put("description", "the " + name + " project")
                .put("url", "https://github.com/" + owner + "/" + name)
                .put("clone_url", "https://github.com/" + owner + "/" + name + ".git").put("language", "Java")
                .put("stars", 42).put("forks", 7).put("watchers", 5).put("size", 1024).put("default_branch", "main")
                .put("is_private", isPrivate).put("created_at", "2020-01-02T03:04:05Z")
                .put("updated_at", "2026-11-01T00:00:00Z")
                .put("owner", owner);
        server.stubFor(get(urlPathEqualTo("/internal/github/repositories/" + owner + "/" + name))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(metadata.toString())));
        return metadata;
    }

    /** GitHub does not know it: ingestion's own 404 body. */
    public static void doesNotKnow(String owner, String name) {
        server.stubFor(get(urlPathEqualTo("/internal/github/repositories/" + owner + "/" + name))
                .willReturn(aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"REPOSITORY_NOT_FOUND\",\"message\":\"GitHub has no repository "
                                + owner + "/" + name + "\",\"details\":{\"full_name\":\"" + owner + "/" + name + "\"}}}")));
    }

    /** The user's public GitHub activity as ingestion answers it: {@code {login, events: [...]}}. */
    public static void activity(String login, ObjectNode activity) {
        server.stubFor(get(urlPathEqualTo("/internal/github/users/" + login + "/activity"))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody(activity.toString())));
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }
}
