package io.gitinsight.ingestion.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.gitinsight.ingestion.GitHubFake;
import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class GitHubClientTest {

    @Inject
    GitHubClient github;

    @Test
    void followsLinkHeadersThroughGitHubsRecordedPagination() throws Exception {
        JsonNode recording;
        try (InputStream in = getClass().getResourceAsStream("/github/recorded/paginate-issues.json")) {
            recording = Json.mapper().readTree(in);
        }
        for (JsonNode exchange : recording) {
            var response = aResponse().withStatus(exchange.get("status").asInt())
                    .withHeader("Content-Type", "application/json").withBody(exchange.get("response").toString());
            exchange.get("headers").fields().forEachRemaining(h -> {
                if (!h.getKey().equalsIgnoreCase("content-length")) {
                    response.withHeader(h.getKey(), h.getValue().asText());
                }
            });
            GitHubFake.server.stubFor(get(urlEqualTo(exchange.get("path").asText())).willReturn(response));
        }
        RequestAccounting accounting = new RequestAccounting();

        List<JsonNode> issues = github.getAll("repos/octokit-fixture-org/paginate-issues/issues?per_page=3", "t-pages",
                accounting).await().atMost(Duration.ofSeconds(20));

        int expected = 0;
        for (JsonNode exchange : recording) {
            expected += exchange.get("response").size();
        }
        assertThat(issues).hasSize(expected).hasSize(13);
        assertThat(accounting.requests()).isEqualTo(5);
    }

    @Test
    void spendsNoBudgetOnAnUnchangedResource() {
        String path = "/repos/o/unchanged-" + UUID.randomUUID();
        GitHubFake.server.stubFor(get(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo("\"v1\""))
                .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
        GitHubFake.server.stubFor(get(urlPathEqualTo(path)).atPriority(10).willReturn(aResponse().withStatus(200)
                .withHeader("ETag", "\"v1\"").withHeader("Content-Type", "application/json")
                .withBody("{\"full_name\": \"o/unchanged\"}")));
        RequestAccounting accounting = new RequestAccounting();

        GitHubResponse first = github.get(path, "t-etag", accounting).await().indefinitely();
        GitHubResponse second = github.get(path, "t-etag", accounting).await().indefinitely();

        assertThat(first.notModified()).isFalse();
        assertThat(second.notModified()).isTrue();
        assertThat(second.body()).isEqualTo(first.body());
        assertThat(accounting.requests()).isEqualTo(2);
        assertThat(accounting.notModified()).isEqualTo(1);
        assertThat(accounting.restPoints()).isEqualTo(1);
        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo(path)).withHeader("If-None-Match", equalTo("\"v1\"")));
    }

    @Test
    void waitsForTheResetWhenThePrimaryLimitIsSpent() {
        String path = "/repos/o/primary-" + UUID.randomUUID();
        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        stubSequence(path, aResponse().withStatus(403).withHeader("x-ratelimit-limit", "60")
                .withHeader("x-ratelimit-remaining", "0").withHeader("x-ratelimit-reset", String.valueOf(reset))
                .withBody("{\"message\": \"API rate limit exceeded\"}"), ok());
        RequestAccounting accounting = new RequestAccounting();

        Instant start = Instant.now();
        GitHubResponse response = github.get(path, "t-primary", accounting).await().atMost(Duration.ofSeconds(10));

        assertThat(response.status()).isEqualTo(200);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
    }

    @Test
    void waitsOutASecondaryLimitWithAndWithoutRetryAfter() {
        String withHeader = "/repos/o/secondary-a-" + UUID.randomUUID();
        stubSequence(withHeader, aResponse().withStatus(429).withHeader("retry-after", "1")
                .withBody("{\"message\": \"You have exceeded a secondary rate limit.\"}"), ok());
        String withoutHeader = "/repos/o/secondary-b-" + UUID.randomUUID();
        stubSequence(withoutHeader, aResponse().withStatus(403)
                .withBody("{\"message\": \"You have exceeded a secondary rate limit. Please wait a few minutes.\"}"), ok());

        Instant start = Instant.now();
        assertThat(github.get(withHeader, "t-secondary", new RequestAccounting()).await().atMost(Duration.ofSeconds(10))
                .status()).isEqualTo(200);
        assertThat(github.get(withoutHeader, "t-secondary", new RequestAccounting()).await()
                .atMost(Duration.ofSeconds(10)).status()).isEqualTo(200);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1900));
    }

    @Test
    void retriesServerErrorsAndGivesUpAfterTheLastAttempt() {
        String flaky = "/repos/o/flaky-" + UUID.randomUUID();
        stubSequence(flaky, aResponse().withStatus(502), aResponse().withStatus(502), ok());
        RequestAccounting accounting = new RequestAccounting();

        assertThat(github.get(flaky, "t-retry", accounting).await().indefinitely().status()).isEqualTo(200);
        assertThat(accounting.retries()).isEqualTo(2);

        String down = "/repos/o/down-" + UUID.randomUUID();
        GitHubFake.server.stubFor(get(urlPathEqualTo(down)).willReturn(aResponse().withStatus(503)));
        assertThatThrownBy(() -> github.get(down, "t-retry", new RequestAccounting()).await().indefinitely())
                .isInstanceOf(GitHubException.class).hasMessageContaining("after 5 attempts");
        GitHubFake.server.verify(5, getRequestedFor(urlPathEqualTo(down)));
    }

    @Test
    void failsAtOnceOnANotFound() {
        String missing = "/repos/o/missing-" + UUID.randomUUID();
        GitHubFake.server.stubFor(get(urlPathEqualTo(missing)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Not Found\"}")));

        assertThatThrownBy(() -> github.get(missing, null, new RequestAccounting()).await().indefinitely())
                .isInstanceOfSatisfying(GitHubException.class, e -> assertThat(e.status()).isEqualTo(404))
                .hasMessageContaining("Not Found");
        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo(missing)));
    }

    private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder ok() {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody("{\"ok\": true}");
    }

    private static void stubSequence(String path, com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder... answers) {
        String scenario = "sequence " + path;
        for (int i = 0; i < answers.length; i++) {
            GitHubFake.server.stubFor(get(urlPathEqualTo(path)).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i)
                    .willSetStateTo("step " + (i + 1)).willReturn(answers[i]));
        }
    }
}
