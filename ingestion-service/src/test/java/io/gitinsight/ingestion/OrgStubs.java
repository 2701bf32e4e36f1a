package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

import io.gitinsight.model.json.Json;
import io.gitinsight.testkit.AuthFake;
import io.restassured.path.json.JsonPath;

/**
 * An organization at the fake GitHub, built from GitHub's example payloads ({@code get_orgs_ORG*.json}),
 * the users' GitHub tokens at the fake auth-service, and the tracked repositories at the fake analysis.
 */
final class OrgStubs {

    private OrgStubs() {
    }

    /** A fresh organization login per test: the test database outlives the test run. */
    static String newOrg() {
        return "org-" + UUID.randomUUID().toString().substring(0, 8);
    }

    static void userToken(UUID userId, String githubToken) {
        AuthFake.server.stubFor(get(urlPathEqualTo("/internal/users/" + userId + "/github-token"))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .willReturn(okJson(Json.mapper().createObjectNode().put("user_id", userId.toString())
                        .put("access_token", githubToken).toString())));
    }

    /** auth-service's answer for a user who never connected GitHub or disconnected. */
    static void userWithoutGitHub(UUID userId) {
        AuthFake.server.stubFor(get(urlPathEqualTo("/internal/users/" + userId + "/github-token")).willReturn(
                aResponse().withStatus(404).withHeader("Content-Type", "application/json")
                        .withBody("{\"error\":{\"code\":\"NOT_FOUND\",\"message\":\"no GitHub connection\"}}")));
    }

    static ObjectNode repository(String org, String name, long id, boolean isPrivate) throws Exception {
        ObjectNode repo = (ObjectNode) SyncFixtures.fixture("get_orgs_ORG_repos.json").get(0);
        return repo.put("id", id).put("name", name).put("full_name", org + "/" + name).put("private", isPrivate)
                .put("clone_url", "https://github.com/" + org + "/" + name + ".git");
    }

    static ObjectNode member(String login, long id) throws Exception {
        ObjectNode member = (ObjectNode) SyncFixtures.fixture("get_orgs_ORG_members.json").get(0);
        return member.put("login", login).put("id", id)
                .put("avatar_url", "https://avatars.githubusercontent.com/u/" + id);
    }

    static ArrayNode list(ObjectNode... items) {
        ArrayNode list = Json.mapper().createArrayNode();
        List.of(items).forEach(list::add);
        return list;
    }

    /** {@code GET /orgs/{org}}, answered to requests with {@code authorization} (any when null). */
    static void organization(String org, String authorization) throws Exception {
        ObjectNode found = (ObjectNode) SyncFixtures.fixture("get_orgs_ORG.json");
        found.put("login", org).put("id", Math.abs(org.hashCode()));
        GitHubFake.server.stubFor(authorized(get(urlPathEqualTo("/orgs/" + org)), authorization)
                .willReturn(okJson(found.toString())));
    }

    /** The repositories in two pages joined by GitHub's {@code Link} header. */
    static void repositories(String org, String authorization, ArrayNode first, ArrayNode second) {
        String path = "/orgs/" + org + "/repos";
        String next = GitHubFake.server.baseUrl() + path + "?type=all&per_page=100&page=2";
        GitHubFake.server.stubFor(authorized(get(urlPathEqualTo(path)).withQueryParam("page", absent()), authorization)
                .willReturn(okJson(first.toString()).withHeader("Link", "<" + next + ">; rel=\"next\", <" + next
                        + ">; rel=\"last\"")));
        GitHubFake.server.stubFor(authorized(get(urlPathEqualTo(path)).withQueryParam("page", equalTo("2")),
                authorization).willReturn(okJson(second.toString())));
    }

    static void members(String org, String authorization, ArrayNode all, ArrayNode admins, ArrayNode publics) {
        GitHubFake.server.stubFor(authorized(get(urlPathEqualTo("/orgs/" + org + "/members"))
                .withQueryParam("role", absent()), authorization).willReturn(okJson(all.toString())));
        GitHubFake.server.stubFor(authorized(get(urlPathEqualTo("/orgs/" + org + "/members"))
                .withQueryParam("role", equalTo("admin")), authorization).willReturn(okJson(admins.toString())));
        GitHubFake.server.stubFor(authorized(get(urlPathEqualTo("/orgs/" + org + "/public_members")), authorization)
                .willReturn(okJson(publics.toString())));
    }

    /** analysis-service's answer for the organization's names: these lowercased full names are tracked. */
    static void tracked(String org, Map<String, UUID> ids) {
        ObjectNode answer = Json.mapper().createObjectNode();
        ObjectNode tracked = answer.putObject("tracked");
        ids.forEach((name, id) -> tracked.put(name, id.toString()));
        analysisAnswers(org, okJson(answer.toString()));
    }

    static void analysisAnswers(String org, ResponseDefinitionBuilder answer) {
        AnalysisFake.server.stubFor(post(urlPathEqualTo("/internal/repositories/tracked"))
                .withHeader("X-Internal-Token", equalTo("test-internal-token"))
                .withRequestBody(containing("\"" + org + "/")).willReturn(answer));
    }

    /** Polls the import's state until it is no longer running; answers the last state. */
    static JsonPath awaitImport(String org) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        JsonPath state = null;
        while (System.nanoTime() < deadline) {
            state = given().get("/orgs/" + org + "/import").then().statusCode(200).extract().jsonPath();
            if (!"running".equals(state.getString("status"))) {
                return state;
            }
            Thread.sleep(50);
        }
        assertThat(state.getString("status")).as("import of " + org + " still running after 30 s").isNotEqualTo("running");
        return state;
    }

    private static MappingBuilder authorized(MappingBuilder stub, String authorization) {
        return authorization == null ? stub : stub.withHeader("Authorization", equalTo(authorization));
    }
}
