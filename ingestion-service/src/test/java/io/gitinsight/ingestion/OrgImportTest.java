package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.gitinsight.ingestion.OrgStubs.list;
import static io.gitinsight.ingestion.OrgStubs.member;
import static io.gitinsight.ingestion.OrgStubs.repository;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

/** Org discovery end to end: the import reads every page with the caller's GitHub token; the lists read back. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
@QuarkusTestResource(AuthFake.class)
@QuarkusTestResource(AnalysisFake.class)
class OrgImportTest {

    @Test
    void importsEveryPageWithTheCallersGitHubTokenAndMarksTrackedRepositories() throws Exception {
        String org = OrgStubs.newOrg();
        UUID user = UUID.randomUUID();
        OrgStubs.userToken(user, "gho_member_token");
        String asUser = "Bearer gho_member_token";
        OrgStubs.organization(org, asUser);
        OrgStubs.repositories(org, asUser, list(repository(org, "Hello-World", 1296269, false),
                repository(org, "api", 11, false)), list(repository(org, "Zeta", 12, false)));
        OrgStubs.members(org, asUser, list(member("octocat", 1), member("hubot", 2)), list(member("octocat", 1)),
                list(member("octocat", 1), member("hubot", 2)));
        UUID helloWorld = UUID.randomUUID();
        OrgStubs.tracked(org, Map.of(org + "/hello-world", helloWorld));

        given().header("Authorization", TestTokens.bearer(TestTokens.of(user, "mona", Role.USER)))
                .post("/orgs/" + org + "/import").then().statusCode(202).body("org", is(org))
                .body("status", is("running")).body("repositories", nullValue()).body("imported_at", nullValue());
        JsonPath state = OrgStubs.awaitImport(org);

        // two repositories on the first page and one on the second; two members
        assertThat(state.getString("status")).isEqualTo("completed");
        assertThat(state.getInt("repositories")).isEqualTo(3);
        assertThat(state.getInt("members")).isEqualTo(2);
        assertThat(state.getString("imported_at")).isNotNull();
        // by lowercased name: api < hello-world < zeta; two per page
        given().queryParam("page_size", 2).get("/orgs/" + org + "/repositories").then().statusCode(200)
                .body("data.name", contains("api", "Hello-World")).body("data.tracked", contains(false, true))
                .body("data[0].repository_id", nullValue()).body("data[1].repository_id", is(helloWorld.toString()))
                .body("data[1].github_id", is(1296269)).body("data[1].full_name", is(org + "/Hello-World"))
                .body("data[1].description", is("This your first repo!"))
                .body("data[1].url", is("https://github.com/octocat/Hello-World"))
                .body("data[1].clone_url", is("https://github.com/" + org + "/Hello-World.git"))
                .body("data[1].language", nullValue()).body("data[1].stars", is(80)).body("data[1].forks", is(9))
                .body("data[1].private", is(false)).body("data[1].default_branch", is("master"))
                .body("data[1].updated_at", is("2011-01-26T19:14:43Z")).body("pagination.total", is(3))
                .body("pagination.total_pages", is(2)).body("pagination.has_next", is(true))
                .body("pagination.has_prev", is(false));
        given().queryParam("page", 2).queryParam("page_size", 2).get("/orgs/" + org + "/repositories").then()
                .statusCode(200).body("data.name", contains("Zeta")).body("pagination.has_next", is(false))
                .body("pagination.has_prev", is(true));
        // owners are admins; by lowercased login
        given().get("/orgs/" + org + "/members").then().statusCode(200).body("data.login", contains("hubot", "octocat"))
                .body("data.role", contains("member", "admin")).body("data.id", contains(2, 1))
                .body("data[1].avatar_url", is("https://avatars.githubusercontent.com/u/1"))
                .body("pagination.total", is(2));
        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo("/orgs/" + org + "/repos"))
                .withQueryParam("type", equalTo("all")).withQueryParam("page", equalTo("2"))
                .withHeader("Authorization", equalTo(asUser)));
        AnalysisFake.server.verify(postRequestedFor(urlPathEqualTo("/internal/repositories/tracked"))
                .withRequestBody(equalToJson("{\"full_names\": [\"" + org + "/api\", \"" + org + "/Hello-World\"]}")));
    }

    @Test
    void showsPrivateRepositoriesAndConcealedMembersOnlyToTheImporterAndAdmins() throws Exception {
        String org = OrgStubs.newOrg();
        UUID importer = UUID.randomUUID();
        OrgStubs.userToken(importer, "gho_insider");
        stubOrgWithSecrets(org, "Bearer gho_insider");
        String asImporter = TestTokens.bearer(TestTokens.of(importer, "insider", Role.USER));

        given().header("Authorization", asImporter).post("/orgs/" + org + "/import").then().statusCode(202);
        assertThat(OrgStubs.awaitImport(org).getString("status")).isEqualTo("completed");

        // guests and other users: the public repository and the public member only
        given().get("/orgs/" + org + "/repositories").then().statusCode(200).body("data.name", contains("docs"))
                .body("pagination.total", is(1));
        given().header("Authorization", TestTokens.bearer(TestTokens.of(Role.USER)))
                .get("/orgs/" + org + "/repositories").then().statusCode(200).body("data.name", contains("docs"));
        given().get("/orgs/" + org + "/members").then().statusCode(200).body("data.login", contains("octocat"));
        given().get("/orgs/" + org + "/import").then().statusCode(200).body("repositories", is(1)).body("members", is(1));
        // the importer, whose own token listed them, and admins see everything
        given().header("Authorization", asImporter).get("/orgs/" + org + "/repositories").then().statusCode(200)
                .body("data.name", contains("docs", "vault")).body("data.private", contains(false, true));
        given().header("Authorization", asImporter).get("/orgs/" + org + "/members").then().statusCode(200)
                .body("data.login", contains("hubot", "octocat"));
        given().header("Authorization", TestTokens.bearer(TestTokens.of(Role.ADMIN)))
                .get("/orgs/" + org + "/repositories").then().statusCode(200).body("pagination.total", is(2));
    }

    @Test
    void importsWithoutATokenWhenTheUserHasNoGitHubConnectionAndShowsOnlyPublicData() throws Exception {
        String org = OrgStubs.newOrg();
        UUID user = UUID.randomUUID();
        OrgStubs.userWithoutGitHub(user);
        // the tests run without GITHUB_TOKEN: the fallback is anonymous
        stubOrgWithSecrets(org, null);
        String asUser = TestTokens.bearer(TestTokens.of(user, "newcomer", Role.USER));

        given().header("Authorization", asUser).post("/orgs/" + org + "/import").then().statusCode(202);
        assertThat(OrgStubs.awaitImport(org).getString("status")).isEqualTo("completed");

        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo("/orgs/" + org + "/repos")).withoutHeader("Authorization")
                .withQueryParam("page", equalTo("2")));
        // no token of theirs listed the private repository: not even the importer sees it
        given().header("Authorization", asUser).get("/orgs/" + org + "/repositories").then().statusCode(200)
                .body("data.name", contains("docs"));
    }

    private static void stubOrgWithSecrets(String org, String authorization) throws Exception {
        OrgStubs.organization(org, authorization);
        OrgStubs.repositories(org, authorization, list(repository(org, "docs", 21, false)),
                list(repository(org, "vault", 22, true)));
        OrgStubs.members(org, authorization, list(member("octocat", 1), member("hubot", 2)), list(),
                list(member("octocat", 1)));
        OrgStubs.tracked(org, Map.of());
    }
}
