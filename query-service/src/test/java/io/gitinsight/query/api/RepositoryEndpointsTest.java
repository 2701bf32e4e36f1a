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
import io.gitinsight.query.support.Db;
import io.gitinsight.query.support.QueryTestResources;
import io.gitinsight.query.support.RepositoryRow;
import io.gitinsight.query.support.TestTokens;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(QueryTestResources.class)
class RepositoryEndpointsTest {

    /** A word only this test's repositories contain, so that other tests' rows never match. */
    private final String tag = "qrepo" + UUID.randomUUID().toString().substring(0, 8);
    private RepositoryRow alpha;
    private RepositoryRow beta;
    private RepositoryRow gamma;

    @BeforeEach
    void seed() {
        alpha = RepositoryRow.named("octo/" + tag + "-alpha").description("Fast JSON parser").language("Java")
                .stars(50).updatedAt(Instant.parse("2024-03-01T00:00:00Z")).analyzed(Instant.parse("2024-03-02T00:00:00Z"));
        beta = RepositoryRow.named("octo/" + tag + "-beta").description("A web framework").language("Go").stars(500)
                .updatedAt(Instant.parse("2024-01-01T00:00:00Z"));
        gamma = RepositoryRow.named("acme/" + tag + "-gamma").description("Build tooling").language("java").stars(5)
                .updatedAt(Instant.parse("2024-05-01T00:00:00Z"));
        alpha.insert();
        beta.insert();
        gamma.insert();
    }

    @AfterEach
    void cleanUp() {
        Db.deleteRepositories(alpha.id, beta.id, gamma.id);
    }

    @Test
    void servesARepositoryInTheContractsShape() {
        JsonPath repo = given().get("/repositories/" + alpha.id).then().statusCode(200).extract().jsonPath();

        assertThat(repo.getString("id")).isEqualTo(alpha.id.toString());
        assertThat(repo.getLong("github_id")).isEqualTo(alpha.githubId);
        assertThat(repo.getString("name")).isEqualTo(tag + "-alpha");
        assertThat(repo.getString("full_name")).isEqualTo(alpha.fullName);
        assertThat(repo.getString("owner")).isEqualTo("octo");
        assertThat(repo.getString("description")).isEqualTo("Fast JSON parser");
        assertThat(repo.getString("url")).isEqualTo("https://github.com/" + alpha.fullName);
        assertThat(repo.getString("clone_url")).isEqualTo("https://github.com/" + alpha.fullName + ".git");
        assertThat(repo.getString("language")).isEqualTo("Java");
        assertThat(repo.getInt("stars")).isEqualTo(50);
        assertThat(repo.getInt("forks")).isEqualTo(3);
        assertThat(repo.getInt("watchers")).isEqualTo(5);
        assertThat(repo.getInt("size")).isEqualTo(1234);
        assertThat(repo.getString("created_at")).isEqualTo("2020-02-02T02:02:02Z");
        assertThat(repo.getString("updated_at")).isEqualTo("2024-03-01T00:00:00Z");
        assertThat(repo.getString("last_analyzed")).isEqualTo("2024-03-02T00:00:00Z");
        assertThat(repo.getString("analysis_status")).isEqualTo("completed");
    }

    @Test
    void checksAnAccessTokenWhenARequestCarriesOne() {
        given().header("Authorization", "Bearer " + TestTokens.token(Role.USER)).get("/repositories/" + alpha.id).then()
                .statusCode(200);
        assertError(given().header("Authorization", "Bearer " + TestTokens.forged(Role.ADMIN))
                .get("/repositories/" + alpha.id), 401, "AUTHENTICATION_REQUIRED");
        assertError(given().header("Authorization", "Bearer " + TestTokens.expired(Role.USER)).get("/repositories"), 401,
                "AUTHENTICATION_REQUIRED");
        assertError(given().header("Authorization", "Basic dXNlcjpwYXNz").get("/repositories"), 401,
                "AUTHENTICATION_REQUIRED");
    }

    @Test
    void answersUnknownAndMalformedIds() {
        assertError(given().get("/repositories/" + UUID.randomUUID()), 404, "REPOSITORY_NOT_FOUND");
        assertInvalid(given().get("/repositories/not-a-uuid"), "id");
    }

    @Test
    void listsByTextInNameOrDescriptionAndLanguageCaseInsensitively() {
        assertThat(names(given().queryParam("q", tag).queryParam("sort", "name"))).containsExactly(
                gamma.fullName, alpha.fullName, beta.fullName);
        assertThat(names(given().queryParam("q", tag).queryParam("language", "JAVA").queryParam("sort", "name")))
                .containsExactly(gamma.fullName, alpha.fullName);
        // the description matches too, and the % of the query is a literal, not a wildcard
        assertThat(names(given().queryParam("q", "web framework").queryParam("language", "go")))
                .contains(beta.fullName).doesNotContain(alpha.fullName);
        assertThat(names(given().queryParam("q", tag + "%beta"))).isEmpty();
    }

    @Test
    void sortsByStarsUpdatedOrName() {
        assertThat(names(given().queryParam("q", tag).queryParam("sort", "stars")))
                .containsExactly(beta.fullName, alpha.fullName, gamma.fullName);
        assertThat(names(given().queryParam("q", tag).queryParam("sort", "updated")))
                .containsExactly(gamma.fullName, alpha.fullName, beta.fullName);
        assertThat(names(given().queryParam("q", tag))).containsExactly(gamma.fullName, alpha.fullName, beta.fullName);
    }

    @Test
    void pagesWithTheContractsPagination() {
        JsonPath second = given().queryParam("q", tag).queryParam("sort", "stars").queryParam("page", 2)
                .queryParam("page_size", 2).get("/repositories").then().statusCode(200).extract().jsonPath();

        assertThat(second.getList("data.full_name", String.class)).containsExactly(gamma.fullName);
        // 3 matches, 2 per page: page 2 of ceil(3 / 2) = 2
        assertThat(second.getMap("pagination")).containsEntry("total", 3).containsEntry("page", 2)
                .containsEntry("page_size", 2).containsEntry("total_pages", 2).containsEntry("has_next", false)
                .containsEntry("has_prev", true);
        JsonPath beyond = given().queryParam("q", tag).queryParam("page", 9).get("/repositories").then().statusCode(200)
                .extract().jsonPath();
        assertThat(beyond.getList("data")).isEmpty();
        assertThat(beyond.getInt("pagination.total")).isEqualTo(3);
    }

    @Test
    void refusesBadListParameters() {
        assertInvalid(given().queryParam("page_size", 0).get("/repositories"), "page_size");
        assertInvalid(given().queryParam("page_size", 101).get("/repositories"), "page_size");
        assertInvalid(given().queryParam("page", 0).get("/repositories"), "page");
        // values that do not even convert name their parameter too
        assertInvalid(given().queryParam("page", 2).queryParam("page_size", "twenty").get("/repositories"), "page_size")
                .then().body("error.message", org.hamcrest.Matchers.equalTo(
                        "page_size must be a whole number within range, was 'twenty'"));
        assertInvalid(given().queryParam("page", "99999999999").get("/repositories"), "page");
        assertInvalid(given().queryParam("sort", "popularity").get("/repositories"), "sort");
        assertInvalid(given().queryParam("q", "x".repeat(201)).get("/repositories"), "q");
    }

    private static List<String> names(io.restassured.specification.RequestSpecification request) {
        return request.get("/repositories").then().statusCode(200).extract().jsonPath().getList("data.full_name",
                String.class);
    }
}
