package io.gitinsight.ingestion.client;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;

import io.gitinsight.ingestion.GitHubFake;
import io.gitinsight.model.json.Json;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** The GraphQL transport's answers to GitHub's limits and refusals. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class GitHubGraphQLClientTest {

    private static final String QUERY = "query Q($key: String!) { rateLimit { cost remaining resetAt limit } }";

    @Inject
    GitHubGraphQLClient graphql;

    @Test
    void waitsForTheResetWhenGitHubSaysTheGraphQLBudgetIsSpent() {
        String key = UUID.randomUUID().toString();
        long reset = Instant.now().plusSeconds(2).getEpochSecond();
        stubSequence(key, answer("{\"errors\": [{\"type\": \"RATE_LIMITED\", \"message\": \"API rate limit exceeded\"}]}")
                .withHeader("x-ratelimit-limit", "5000").withHeader("x-ratelimit-remaining", "0")
                .withHeader("x-ratelimit-reset", String.valueOf(reset)),
                answer("{\"data\": {\"rateLimit\": {\"cost\": 1, \"remaining\": 4999}}}"));
        RequestAccounting accounting = new RequestAccounting();

        Instant start = Instant.now();
        var data = graphql.query(QUERY, variables(key), "t-graphql-limit", accounting).await()
                .atMost(Duration.ofSeconds(15));

        assertThat(data.path("rateLimit").path("remaining").asInt()).isEqualTo(4999);
        assertThat(Duration.between(start, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(900));
        // two answered requests, the second costing 1; one wait
        assertThat(accounting.graphqlRequests()).isEqualTo(2);
        assertThat(accounting.graphqlCost()).isEqualTo(1);
        assertThat(accounting.retries()).isEqualTo(1);
    }

    @Test
    void retriesAServerErrorWithBackOff() {
        String key = UUID.randomUUID().toString();
        stubSequence(key, aResponse().withStatus(503), answer("{\"data\": {\"rateLimit\": {\"cost\": 2}}}"));
        RequestAccounting accounting = new RequestAccounting();

        graphql.query(QUERY, variables(key), "t-graphql-retry", accounting).await().atMost(Duration.ofSeconds(10));

        assertThat(accounting.graphqlRequests()).isEqualTo(2);
        assertThat(accounting.graphqlCost()).isEqualTo(2);
        assertThat(accounting.restPoints()).isZero();
    }

    @Test
    void reportsGraphQLUnavailableOnA401WithoutRetrying() {
        String key = UUID.randomUUID().toString();
        stubSequence(key,
                aResponse().withStatus(401).withBody("{\"message\": \"This endpoint requires you to be authenticated.\"}"));

        assertThatThrownBy(() -> graphql.query(QUERY, variables(key), null, new RequestAccounting()).await()
                .atMost(Duration.ofSeconds(10))).isInstanceOfSatisfying(GraphQLUnavailableException.class,
                        e -> assertThat(e.status()).isEqualTo(401))
                .hasMessageContaining("requires you to be authenticated");
        GitHubFake.server.verify(1, postRequestedFor(urlEqualTo("/graphql"))
                .withRequestBody(matchingJsonPath("$.variables.key", equalTo(key))));
    }

    private static ObjectNode variables(String key) {
        return Json.mapper().createObjectNode().put("key", key);
    }

    private static ResponseDefinitionBuilder answer(String body) {
        return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
    }

    private static void stubSequence(String key, ResponseDefinitionBuilder... answers) {
        String scenario = "graphql " + key;
        for (int i = 0; i < answers.length; i++) {
            GitHubFake.server.stubFor(post(urlEqualTo("/graphql"))
                    .withRequestBody(matchingJsonPath("$.variables.key", equalTo(key))).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "step " + i).willSetStateTo("step " + (i + 1))
                    .willReturn(answers[i]));
        }
    }
}
