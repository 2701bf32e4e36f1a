package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class RepositoryLookupTest {

    @Test
    void answersGitHubsMetadataOfAKnownRepository() throws Exception {
        String body;
        try (InputStream in = getClass().getResourceAsStream("/github/get_repos_OWNER_REPO.json")) {
            body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/Hello-World")).willReturn(aResponse()
                .withStatus(200).withHeader("Content-Type", "application/json").withBody(body)));

        internal().get("/internal/github/repositories/octocat/Hello-World").then().statusCode(200)
                .body("github_id", equalTo(1296269)).body("full_name", equalTo("octocat/Hello-World"))
                .body("clone_url", equalTo("https://github.com/octocat/Hello-World.git"))
                .body("default_branch", equalTo("master")).body("stars", equalTo(80)).body("owner", equalTo("octocat"));
    }

    @Test
    void exposesTheLowestGitHubBudgetLeftAsAGauge() {
        String metrics = given().get("/metrics").then().statusCode(200).extract().asString();
        org.assertj.core.api.Assertions.assertThat(metrics).contains("# TYPE gitinsight_github_budget_remaining_ratio gauge");
    }

    @Test
    void answersRepositoryNotFoundWhenGitHubDoesNotKnowIt() {
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/no-such-repo")).willReturn(aResponse()
                .withStatus(404).withBody("{\"message\": \"Not Found\"}")));

        internal().get("/internal/github/repositories/octocat/no-such-repo").then().statusCode(404)
                .body("error.code", equalTo("REPOSITORY_NOT_FOUND"))
                .body("error.details.full_name", equalTo("octocat/no-such-repo"));
    }

    @Test
    void answersUpstreamUnavailableWhenGitHubFails() {
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/broken")).willReturn(aResponse().withStatus(500)));

        internal().get("/internal/github/repositories/octocat/broken").then().statusCode(502)
                .body("error.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void refusesMalformedNamesWithoutAskingGitHub() {
        internal().get("/internal/github/repositories/-bad-/x").then().statusCode(400)
                .body("error.details.field", equalTo("owner"));
        internal().get("/internal/github/repositories/octocat/bad!name").then().statusCode(400)
                .body("error.details.field", equalTo("name"));
        internal().get("/internal/github/repositories/octocat/" + "x".repeat(101)).then().statusCode(400)
                .body("error.details.field", equalTo("name"));
        GitHubFake.server.verify(0, getRequestedFor(urlPathMatching("/repos/-bad-/.*")));
    }

    @Test
    void refusesCallersWithoutTheInternalToken() {
        given().get("/internal/github/repositories/octocat/Hello-World").then().statusCode(401);
        given().header("X-Internal-Token", "nope").get("/internal/github/repositories/octocat/Hello-World").then()
                .statusCode(403);
    }

    private static RequestSpecification internal() {
        return given().header("X-Internal-Token", "test-internal-token");
    }
}
