package io.gitinsight.ingestion.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.events.GitHubEventReceived;
import io.gitinsight.model.json.Json;

/** Normalization of GitHub's own example payloads; expected values read off the fixture files. */
class WebhookNormalizerTest {

    private static final Instant AT = Instant.parse("2026-11-01T12:00:00Z");

    @Test
    void normalizesAPush() throws Exception {
        GitHubEventReceived event = WebhookNormalizer.normalize("d-1", "push", fixture("push/payload.json"), AT);

        JsonNode payload = fixture("push/payload.json");
        assertThat(event.repositoryFullName()).isEqualTo(payload.at("/repository/full_name").asText());
        assertThat(event.repositoryGithubId()).isEqualTo(payload.at("/repository/id").asLong());
        assertThat(event.sender()).isEqualTo(payload.at("/sender/login").asText());
        assertThat(event.data().get("ref").asText()).isEqualTo(payload.at("/ref").asText());
        assertThat(event.data().get("after").asText()).isEqualTo(payload.at("/after").asText());
        assertThat(event.data().get("commits").asInt()).isEqualTo(payload.at("/commits").size());
        assertThat(event.receivedAt()).isEqualTo(AT);
    }

    @Test
    void marksAnEventAboutAPrivateRepository() throws Exception {
        com.fasterxml.jackson.databind.node.ObjectNode payload = (com.fasterxml.jackson.databind.node.ObjectNode) fixture(
                "push/payload.json");
        assertThat(WebhookNormalizer.normalize("d-p", "push", payload, AT).data().has("repository_private")).isFalse();

        ((com.fasterxml.jackson.databind.node.ObjectNode) payload.get("repository")).put("private", true);

        assertThat(WebhookNormalizer.normalize("d-p", "push", payload, AT).data().get("repository_private").asBoolean())
                .isTrue();
    }

    @Test
    void normalizesAnOpenedPullRequest() throws Exception {
        JsonNode payload = fixture("pull_request/opened.payload.json");

        GitHubEventReceived event = WebhookNormalizer.normalize("d-2", "pull_request", payload, AT);

        assertThat(event.action()).isEqualTo("opened");
        assertThat(event.data().get("number").asInt()).isEqualTo(payload.at("/number").asInt());
        assertThat(event.data().get("author").asText()).isEqualTo(payload.at("/pull_request/user/login").asText());
        assertThat(event.data().get("merged").asBoolean()).isFalse();
        assertThat(event.data().get("head_ref").asText()).isEqualTo(payload.at("/pull_request/head/ref").asText());
    }

    @Test
    void normalizesADeploymentStatus() throws Exception {
        JsonNode payload = fixture("deployment_status/payload.json");

        GitHubEventReceived event = WebhookNormalizer.normalize("d-3", "deployment_status", payload, AT);

        assertThat(event.data().get("state").asText()).isEqualTo(payload.at("/deployment_status/state").asText());
        assertThat(event.data().get("environment").asText())
                .isEqualTo(payload.at("/deployment_status/environment").asText());
    }

    @Test
    void publishesUnmappedEventsAsGeneric() throws Exception {
        GitHubEventReceived event = WebhookNormalizer.normalize("d-4", "gollum", fixture("gollum/payload.json"), AT);

        assertThat(event.data().get("generic").asBoolean()).isTrue();
        assertThat(event.repositoryFullName()).isNotNull();
    }

    static JsonNode fixture(String path) throws Exception {
        try (InputStream in = WebhookNormalizerTest.class.getResourceAsStream("/github/webhooks/" + path)) {
            assertThat(in).as(path).isNotNull();
            return Json.mapper().readTree(in);
        }
    }
}
