package io.gitinsight.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

/**
 * The local platform's operator session ({@code POST /internal/local-operator/session}): what
 * {@code deploy/local/up.sh} signs in with to add and analyze its sample repository.
 */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class LocalOperatorTest {

    static final String INTERNAL = "test-internal-token";

    @Test
    void signsInTheOperatorAsAnAdminWithTokensLikeALogin() throws Exception {
        JsonPath session = session(INTERNAL).then().statusCode(200).extract().jsonPath();

        assertThat(session.getString("token_type")).isEqualTo("Bearer");
        assertThat(session.getString("refresh_token")).isNotBlank();
        assertThat(session.getString("user.username")).isEqualTo("local-operator");
        assertThat(session.getLong("user.github_id")).isEqualTo(-1L);
        assertThat(session.getString("user.role")).isEqualTo("admin");
        JsonPath me = given().auth().oauth2(session.getString("access_token")).get("/auth/me").then().statusCode(200)
                .extract().jsonPath();
        assertThat(me.getString("id")).isEqualTo(session.getString("user.id"));
        assertThat(me.getList("permissions", String.class)).contains("repository:analyze", "admin:system");
        assertThat(AuditLogs.actionsOf(session.getString("user.id"))).contains("login");
        given().contentType("application/json").body(Map.of("refresh_token", session.getString("refresh_token")))
                .post("/auth/refresh").then().statusCode(200);
    }

    @Test
    void isTheSameUserAtEverySession() {
        String first = session(INTERNAL).then().statusCode(200).extract().path("user.id");
        String second = session(INTERNAL).then().statusCode(200).extract().path("user.id");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void refusesCallersWithoutTheInternalToken() {
        given().post("/internal/local-operator/session").then().statusCode(401)
                .body("error.code", org.hamcrest.Matchers.equalTo("AUTHENTICATION_REQUIRED"));
        session("guess").then().statusCode(403).body("error.code", org.hamcrest.Matchers.equalTo("AUTHORIZATION_DENIED"));
    }

    static Response session(String internalToken) {
        return given().header("X-Internal-Token", internalToken).post("/internal/local-operator/session");
    }
}
