package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static io.gitinsight.ingestion.OrgStubs.list;
import static io.gitinsight.ingestion.OrgStubs.member;
import static io.gitinsight.ingestion.OrgStubs.repository;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.http.Fault;

import io.gitinsight.model.security.Role;
import io.gitinsight.testkit.AuthFake;
import io.gitinsight.testkit.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;

/** What org discovery answers when something is missing, malformed, still running, failed or unreachable. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
@QuarkusTestResource(AuthFake.class)
@QuarkusTestResource(AnalysisFake.class)
class OrgImportErrorsTest {

    @Test
    void refusesAnImportWithoutCredentialsOrWithoutThePermissionToAnalyze() {
        String org = OrgStubs.newOrg();
        given().post("/orgs/" + org + "/import").then().statusCode(401).body("error.code", is("AUTHENTICATION_REQUIRED"));
        given().header("Authorization", "Bearer not-a-jwt").post("/orgs/" + org + "/import").then().statusCode(401);
        given().header("Authorization", TestTokens.bearer(TestTokens.of(Role.GUEST))).post("/orgs/" + org + "/import")
                .then().statusCode(403).body("error.code", is("AUTHORIZATION_DENIED"))
                .body("error.details.permission", is("repository:analyze"));
        AuthFake.apiKey("gik_readonly_" + org, UUID.randomUUID(), "reader", Role.USER, List.of("repository:read"));
        given().header("X-API-Key", "gik_readonly_" + org).post("/orgs/" + org + "/import").then().statusCode(403);
        GitHubFake.server.verify(0, getRequestedFor(urlPathEqualTo("/orgs/" + org)));
    }

    @Test
    void refusesMalformedNamesAndAnswersNotFoundForUnknownOrUnimportedOrganizations() {
        asUser().post("/orgs/-bad-/import").then().statusCode(400).body("error.details.field", is("org"));
        given().get("/orgs/a--b/repositories").then().statusCode(400).body("error.details.field", is("org"));
        given().get("/orgs/" + "x".repeat(40) + "/members").then().statusCode(400);
        given().get("/orgs/acme/repositories?sort=forks").then().statusCode(400).body("error.details.field", is("sort"));
        String ghost = OrgStubs.newOrg();
        GitHubFake.server.stubFor(get(urlPathEqualTo("/orgs/" + ghost)).willReturn(aResponse().withStatus(404)
                .withBody("{\"message\": \"Not Found\"}")));

        asUser().post("/orgs/" + ghost + "/import").then().statusCode(404).body("error.code", is("NOT_FOUND"))
                .body("error.message", containsString("GitHub has no organization " + ghost));
        given().get("/orgs/" + ghost + "/repositories").then().statusCode(404).body("error.code", is("NOT_FOUND"))
                .body("error.message", containsString("POST /orgs/" + ghost + "/import first"));
        given().get("/orgs/" + ghost + "/import").then().statusCode(404);
        GitHubFake.server.verify(0, getRequestedFor(urlPathMatching("/orgs/-bad-.*")));
    }

    @Test
    void answersConflictWhileTheFirstImportRunsAndNeverRunsTwoAtOnce() throws Exception {
        String org = OrgStubs.newOrg();
        stubOrganization(org);
        // the first page takes a while: long enough to ask while the import runs
        GitHubFake.server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/repos")).withQueryParam("page", absent())
                .atPriority(1).willReturn(okJson(list(repository(org, "slow", 31, false)).toString()).withFixedDelay(2000)));

        String started = asUser().post("/orgs/" + org + "/import").then().statusCode(202).extract().path("started_at");
        given().get("/orgs/" + org + "/repositories").then().statusCode(409).body("error.code", is("CONFLICT"))
                .body("error.details.status", is("running"));
        asUser().post("/orgs/" + org + "/import").then().statusCode(202).body("status", is("running"))
                .body("started_at", is(started));
        assertThat(OrgStubs.awaitImport(org).getString("status")).isEqualTo("completed");

        GitHubFake.server.verify(1, getRequestedFor(urlPathEqualTo("/orgs/" + org + "/repos")).withQueryParam("page",
                absent()));
        given().get("/orgs/" + org + "/repositories").then().statusCode(200).body("pagination.total", is(1));
    }

    @Test
    void aFailedImportIsReportedAndLeavesThePreviousListsInPlace() throws Exception {
        String org = OrgStubs.newOrg();
        stubOrganization(org);
        membersFail(org);

        asUser().post("/orgs/" + org + "/import").then().statusCode(202);
        JsonPath failed = OrgStubs.awaitImport(org);
        assertThat(failed.getString("status")).isEqualTo("failed");
        assertThat(failed.getString("error_message")).startsWith("import failed: GitHub answered 500 after 5 attempts");
        given().get("/orgs/" + org + "/repositories").then().statusCode(404)
                .body("error.message", containsString("has no completed import"));

        stubOrganization(org);
        asUser().post("/orgs/" + org + "/import").then().statusCode(202);
        String importedAt = OrgStubs.awaitImport(org).getString("imported_at");
        membersFail(org);
        asUser().post("/orgs/" + org + "/import").then().statusCode(202);
        JsonPath again = OrgStubs.awaitImport(org);

        assertThat(again.getString("status")).isEqualTo("failed");
        assertThat(again.getString("imported_at")).isEqualTo(importedAt);
        assertThat(again.getInt("repositories")).isEqualTo(2);
        given().get("/orgs/" + org + "/repositories").then().statusCode(200).body("pagination.total", is(2));
    }

    @Test
    void answersUpstreamUnavailableWhenAnalysisCannotTellWhatIsTracked() throws Exception {
        String org = OrgStubs.newOrg();
        stubOrganization(org);
        asUser().post("/orgs/" + org + "/import").then().statusCode(202);
        assertThat(OrgStubs.awaitImport(org).getString("status")).isEqualTo("completed");

        OrgStubs.analysisAnswers(org, aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
        given().get("/orgs/" + org + "/repositories").then().statusCode(503)
                .body("error.code", is("UPSTREAM_UNAVAILABLE")).body("error.details.upstream", is("analysis-service"));
        OrgStubs.analysisAnswers(org, aResponse().withStatus(500));
        given().get("/orgs/" + org + "/repositories").then().statusCode(502)
                .body("error.code", is("UPSTREAM_UNAVAILABLE"));
        // members need nothing from analysis
        given().get("/orgs/" + org + "/members").then().statusCode(200).body("pagination.total", is(1));
    }

    /** An organization with two public repositories and one public member, listed anonymously. */
    private static void stubOrganization(String org) throws Exception {
        OrgStubs.organization(org, null);
        OrgStubs.repositories(org, null, list(repository(org, "one", 41, false)), list(repository(org, "two", 42, false)));
        OrgStubs.members(org, null, list(member("octocat", 1)), list(), list(member("octocat", 1)));
        OrgStubs.tracked(org, Map.of());
    }

    private static void membersFail(String org) {
        GitHubFake.server.stubFor(get(urlPathEqualTo("/orgs/" + org + "/members")).willReturn(aResponse().withStatus(500)));
    }

    private static RequestSpecification asUser() {
        UUID user = UUID.randomUUID();
        OrgStubs.userWithoutGitHub(user);
        return given().header("Authorization", TestTokens.bearer(TestTokens.of(user, "mona", Role.USER)));
    }
}
