package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class WebhookRegistrationTest {

    private static final String OUR_URL = "https://gitinsight.example.com/api/v1/webhooks/github";

    @Test
    void createsTheHookWithTheSecretWhenThereIsNone() {
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/fresh/hooks")).willReturn(okJson("[]")));
        GitHubFake.server.stubFor(post(urlPathEqualTo("/repos/octocat/fresh/hooks")).willReturn(aResponse()
                .withStatus(201).withHeader("Content-Type", "application/json").withBody("{\"id\": 12345678}")));

        register("octocat", "fresh").then().statusCode(200).body("hook_id", equalTo(12345678))
                .body("reused", equalTo(false));

        GitHubFake.server.verify(postRequestedFor(urlPathEqualTo("/repos/octocat/fresh/hooks"))
                .withRequestBody(matchingJsonPath("$.config.url", exactly(OUR_URL)))
                .withRequestBody(matchingJsonPath("$.config.secret", exactly("test-webhook-secret")))
                .withRequestBody(matchingJsonPath("$.config.content_type", exactly("json")))
                .withRequestBody(matchingJsonPath("$.events[?(@ == 'pull_request_review')]")));
    }

    @Test
    void reusesAHookThatAlreadyPointsHere() {
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/hooked/hooks")).willReturn(okJson(
                "[{\"id\": 1, \"config\": {\"url\": \"https://ci.example.com/hook\"}},"
                        + "{\"id\": 2, \"config\": {\"url\": \"" + OUR_URL + "\"}}]")));

        register("octocat", "hooked").then().statusCode(200).body("hook_id", equalTo(2)).body("reused", equalTo(true));

        GitHubFake.server.verify(0, postRequestedFor(urlPathEqualTo("/repos/octocat/hooked/hooks")));
    }

    @Test
    void answersWhyGitHubRefused() {
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/not-mine/hooks")).willReturn(aResponse()
                .withStatus(403).withBody("{\"message\": \"Must have admin rights to Repository.\"}")));
        GitHubFake.server.stubFor(get(urlPathEqualTo("/repos/octocat/gone/hooks")).willReturn(aResponse()
                .withStatus(404).withBody("{\"message\": \"Not Found\"}")));

        register("octocat", "not-mine").then().statusCode(403).body("error.code", equalTo("AUTHORIZATION_DENIED"));
        register("octocat", "gone").then().statusCode(404).body("error.code", equalTo("REPOSITORY_NOT_FOUND"));
        register("-bad-", "x").then().statusCode(400).body("error.details.field", equalTo("owner"));
    }

    private static io.restassured.response.Response register(String owner, String name) {
        return given().header("X-Internal-Token", "test-internal-token")
                .post("/internal/github/repositories/" + owner + "/" + name + "/webhook");
    }

    private static com.github.tomakehurst.wiremock.matching.StringValuePattern exactly(String value) {
        return com.github.tomakehurst.wiremock.client.WireMock.equalTo(value);
    }
}
