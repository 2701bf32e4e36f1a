package io.gitinsight.query.api;

import static io.gitinsight.query.support.ApiAssertions.assertError;
import static io.gitinsight.query.support.ApiAssertions.assertInvalid;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.gitinsight.model.security.Role;
import io.gitinsight.query.support.AnalysisRows;
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.gitinsight.query.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class InsightsEndpointTest {

    private UUID repo;
    private UUID first;
    private UUID second;
    private UUID third;

    @BeforeEach
    void seed() {
        repo = RepositoryRow.named("octo/insights-" + UUID.randomUUID()).insert();
        first = AnalysisRows.insight(repo, "hotspot", Instant.parse("2024-03-01T00:00:00Z"), 0.9, "Hot, \"spot\"", "a",
                "b");
        second = AnalysisRows.insight(repo, "bus_factor", Instant.parse("2024-03-02T00:00:00Z"), 0.5, "Few owners");
        third = AnalysisRows.insight(repo, "hotspot", Instant.parse("2024-03-03T00:00:00Z"), 0.75, "=cmd|calc");
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(repo);
    }

    @Test
    void listsInsightsNewestFirstInTheContractsShape() {
        JsonPath page = given().get(path()).then().statusCode(200).extract().jsonPath();

        assertThat(page.getList("data.id", String.class)).containsExactly(third.toString(), second.toString(),
                first.toString());
        assertThat(page.getInt("pagination.total")).isEqualTo(3);
        assertThat(page.getString("data[2].repository_id")).isEqualTo(repo.toString());
        assertThat(page.getString("data[2].type")).isEqualTo("hotspot");
        assertThat(page.getString("data[2].title")).isEqualTo("Hot, \"spot\"");
        assertThat(page.getString("data[2].description")).isEqualTo("why: Hot, \"spot\"");
        assertThat(page.getDouble("data[2].confidence_score")).isEqualTo(0.9);
        assertThat(page.getList("data[2].data.evidence", Integer.class)).containsExactly(1, 2);
        assertThat(page.getString("data[2].generated_at")).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(page.getString("data[2].model_version")).isEqualTo("rules-1");
        assertThat(page.getList("data[2].tags", String.class)).containsExactly("a", "b");
    }

    @Test
    void filtersByTypeAndSinceAndPages() {
        assertThat(ids(given().queryParam("type", "hotspot"))).containsExactly(third.toString(), first.toString());
        assertThat(ids(given().queryParam("since", "2024-03-02"))).containsExactly(third.toString(), second.toString());
        assertThat(ids(given().queryParam("page", 2).queryParam("page_size", 1))).containsExactly(second.toString());
    }

    @Test
    void refusesBadParametersAndUnknownRepositories() {
        assertInvalid(given().queryParam("page_size", 0).get(path()), "page_size");
        assertInvalid(given().queryParam("page_size", 101).get(path()), "page_size");
        assertInvalid(given().queryParam("since", "last tuesday").get(path()), "since");
        assertError(given().get("/repositories/" + UUID.randomUUID() + "/insights"), 404, "REPOSITORY_NOT_FOUND");
    }

    @Test
    void exportsCsvForPremiumCallers() {
        Response csv = export(TestTokens.token(Role.PREMIUM), "csv");

        csv.then().statusCode(200).contentType("text/csv").header("Content-Disposition",
                "attachment; filename=\"insights-" + repo + ".csv\"");
        assertThat(csv.asString()).isEqualTo("id,repository_id,type,title,description,confidence_score,generated_at,"
                + "model_version,tags,data\r\n"
                + third + "," + repo + ",hotspot,'=cmd|calc,why: =cmd|calc,0.75,2024-03-03T00:00:00Z,rules-1,,"
                + "\"{\"\"evidence\"\": [1, 2]}\"\r\n"
                + second + "," + repo + ",bus_factor,Few owners,why: Few owners,0.5,2024-03-02T00:00:00Z,rules-1,,"
                + "\"{\"\"evidence\"\": [1, 2]}\"\r\n"
                + first + "," + repo + ",hotspot,\"Hot, \"\"spot\"\"\",\"why: Hot, \"\"spot\"\"\",0.9,"
                + "2024-03-01T00:00:00Z,rules-1,a;b,\"{\"\"evidence\"\": [1, 2]}\"\r\n");
    }

    @Test
    void exportsJsonForAdminsAndPremiumApiKeys() {
        JsonPath json = export(TestTokens.token(Role.ADMIN), "json").then().statusCode(200)
                .contentType("application/json").extract().jsonPath();
        assertThat(json.getList("id", String.class)).containsExactly(third.toString(), second.toString(),
                first.toString());
        assertThat(json.getString("[2].title")).isEqualTo("Hot, \"spot\"");

        given().header("X-API-Key", TestTokens.PREMIUM_API_KEY).queryParam("format", "json").get(path() + "/export")
                .then().statusCode(200);
    }

    @Test
    void streamsExportsLargerThanOneBatchInOrder() {
        // 1201 insights: three keyset batches of 500, 500 and 201, each one second older than the one before
        Db.execute("""
                INSERT INTO analysis.insights (id, repository_id, type, title, description, confidence_score,
                  model_version, generated_at)
                SELECT gen_random_uuid(), ?, 'bulk', 'n' || n, 'bulk insight', 0.5, 'rules-1',
                  timestamptz '2023-01-01T00:00:00Z' - n * interval '1 second'
                FROM generate_series(1, 1201) n""", repo);

        List<String> titles = export(TestTokens.token(Role.PREMIUM), "json").then().statusCode(200).extract().jsonPath()
                .getList("findAll { it.type == 'bulk' }.title", String.class);

        assertThat(titles).hasSize(1201);
        assertThat(titles.get(0)).isEqualTo("n1");
        assertThat(titles.get(500)).isEqualTo("n501");
        assertThat(titles.get(1200)).isEqualTo("n1201");
    }

    @Test
    void refusesExportsWithoutTheExportPermission() {
        assertError(given().get(path() + "/export"), 401, "AUTHENTICATION_REQUIRED");
        assertError(export(TestTokens.forged(Role.PREMIUM), "csv"), 401, "AUTHENTICATION_REQUIRED");
        assertError(export(TestTokens.expired(Role.PREMIUM), "csv"), 401, "AUTHENTICATION_REQUIRED");
        assertError(given().header("X-API-Key", "gik_unknown0000").get(path() + "/export"), 401,
                "AUTHENTICATION_REQUIRED");
        assertError(export(TestTokens.token(Role.USER), "csv"), 403, "AUTHORIZATION_DENIED").then()
                .body("error.details.permission", org.hamcrest.Matchers.equalTo("insights:export"));
        assertInvalid(export(TestTokens.token(Role.PREMIUM), "xml"), "format");
        assertError(given().header("Authorization", "Bearer " + TestTokens.token(Role.PREMIUM))
                .get("/repositories/" + UUID.randomUUID() + "/insights/export"), 404, "REPOSITORY_NOT_FOUND");
    }

    private String path() {
        return "/repositories/" + repo + "/insights";
    }

    private List<String> ids(io.restassured.specification.RequestSpecification request) {
        return request.get(path()).then().statusCode(200).extract().jsonPath().getList("data.id", String.class);
    }

    private Response export(String token, String format) {
        return given().header("Authorization", "Bearer " + token).queryParam("format", format).get(path() + "/export");
    }
}
