package io.gitinsight.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Base64;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class GitHubConnectionTest {

    private static final String GRANT = "/applications/test-client-id/grant";
    private static final String BASIC = "Basic "
            + Base64.getEncoder().encodeToString("test-client-id:test-client-secret".getBytes());

    @Test
    void handsTheGitHubTokenOnlyToInternalCallers() {
        long githubId = Logins.newGitHubId();
        String userId = Logins.login(githubId, "private-repos-" + githubId, "x@example.com").getString("user.id");

        given().header("X-Internal-Token", "test-internal-token").get("/internal/users/" + userId + "/github-token")
                .then().statusCode(200).body("access_token", org.hamcrest.Matchers.equalTo("gho_code-" + githubId));
        given().get("/internal/users/" + userId + "/github-token").then().statusCode(401);
        given().header("X-Internal-Token", "wrong").get("/internal/users/" + userId + "/github-token").then()
                .statusCode(403);
    }

    @Test
    void disconnectsByRevokingTheGrantAndDeletingTheToken() throws Exception {
        long githubId = Logins.newGitHubId();
        JsonPath login = Logins.login(githubId, "leaving-" + githubId, "l@example.com");
        GitHubFake.server.stubFor(delete(urlPathEqualTo(GRANT))
                .withRequestBody(equalToJson("{\"access_token\": \"gho_code-" + githubId + "\"}"))
                .willReturn(aResponse().withStatus(204)));

        given().auth().oauth2(login.getString("access_token")).delete("/auth/github").then().statusCode(204);

        GitHubFake.server.verify(deleteRequestedFor(urlPathEqualTo(GRANT)).withHeader("Authorization", equalTo(BASIC))
                .withRequestBody(equalToJson("{\"access_token\": \"gho_code-" + githubId + "\"}")));
        given().header("X-Internal-Token", "test-internal-token")
                .get("/internal/users/" + login.getString("user.id") + "/github-token").then().statusCode(404);
        assertThat(AuditLogs.actionsOf(login.getString("user.id"))).contains("github_disconnected");
    }

    @Test
    void keepsTheTokenWhenGitHubCannotRevokeIt() {
        long githubId = Logins.newGitHubId();
        JsonPath login = Logins.login(githubId, "stuck-" + githubId, "s@example.com");
        GitHubFake.server.stubFor(delete(urlPathEqualTo(GRANT))
                .withRequestBody(equalToJson("{\"access_token\": \"gho_code-" + githubId + "\"}"))
                .willReturn(aResponse().withStatus(503)));

        given().auth().oauth2(login.getString("access_token")).delete("/auth/github").then().statusCode(502)
                .body("error.code", org.hamcrest.Matchers.equalTo("UPSTREAM_UNAVAILABLE"));

        given().header("X-Internal-Token", "test-internal-token")
                .get("/internal/users/" + login.getString("user.id") + "/github-token").then().statusCode(200);
    }
}
