package io.gitinsight.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class AdminTest {

    @Test
    void letsAnAdminChangeARoleAndAuditsIt() throws Exception {
        JsonPath admin = Logins.login(Logins.newGitHubId(), "octo-admin", "admin@example.com");
        long githubId = Logins.newGitHubId();
        JsonPath user = Logins.login(githubId, "promoted-" + githubId, "p@example.com");

        changeRole(admin.getString("access_token"), user.getString("user.id"), "{\"role\": \"premium\"}").then()
                .statusCode(200).body("role", equalTo("premium"))
                .body("permissions", equalTo(java.util.List.of("insights:export", "insights:read",
                        "repository:analyze", "repository:read")));

        JsonPath again = Logins.login(githubId, "promoted-" + githubId, "p@example.com");
        assertThat(again.getString("user.role")).isEqualTo("premium");
        assertThat(AuditLogs.actionsOf(admin.getString("user.id"))).contains("role_changed");
        given().auth().oauth2(admin.getString("access_token")).queryParam("action", "role_changed")
                .queryParam("actor", "octo-admin").get("/admin/audit-logs").then().statusCode(200)
                .body("data.action", everyItem(equalTo("role_changed")))
                .body("data.find { it.target == 'user:" + user.getString("user.id") + "' }.details.to", equalTo("premium"));
    }

    @Test
    void refusesRoleChangesByNonAdmins() {
        JsonPath user = Logins.login("climber-" + Logins.newGitHubId());

        changeRole(user.getString("access_token"), user.getString("user.id"), "{\"role\": \"admin\"}").then()
                .statusCode(403).body("error.code", equalTo("AUTHORIZATION_DENIED"));
        given().contentType("application/json").body("{\"role\": \"admin\"}")
                .put("/admin/users/" + user.getString("user.id") + "/role").then().statusCode(401)
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        given().auth().oauth2(user.getString("access_token")).get("/admin/users").then().statusCode(403);
        given().auth().oauth2(user.getString("access_token")).get("/admin/audit-logs").then().statusCode(403);
    }

    @Test
    void refusesUnknownRolesUsersAndParameters() {
        String admin = Logins.login(Logins.newGitHubId(), "octo-admin", "a@example.com").getString("access_token");
        String someone = Logins.login("target-" + Logins.newGitHubId()).getString("user.id");

        changeRole(admin, someone, "{\"role\": \"superuser\"}").then().statusCode(400)
                .body("error.details.field", equalTo("role"));
        changeRole(admin, someone, "{\"role\": \"guest\"}").then().statusCode(400);
        changeRole(admin, "00000000-0000-0000-0000-000000000000", "{\"role\": \"user\"}").then().statusCode(404);
        changeRole(admin, "nope", "{\"role\": \"user\"}").then().statusCode(400);
        given().auth().oauth2(admin).queryParam("since", "yesterday").get("/admin/audit-logs").then().statusCode(400)
                .body("error.details.field", equalTo("since"));
        given().auth().oauth2(admin).queryParam("page_size", 500).get("/admin/users").then().statusCode(400)
                .body("error.details.field", equalTo("page_size"));
    }

    @Test
    void pagesUsersAndAuditEntries() {
        String admin = Logins.login(Logins.newGitHubId(), "octo-admin", "a@example.com").getString("access_token");
        Logins.login("paged-" + Logins.newGitHubId());

        given().auth().oauth2(admin).queryParam("page_size", 1).get("/admin/users").then().statusCode(200)
                .body("data.size()", equalTo(1)).body("pagination.page_size", equalTo(1))
                .body("pagination.total", greaterThanOrEqualTo(2)).body("pagination.has_next", equalTo(true));
        String since = Instant.now().minus(1, ChronoUnit.MINUTES).toString();
        given().auth().oauth2(admin).queryParam("since", since).queryParam("action", "login")
                .get("/admin/audit-logs").then().statusCode(200).body("data.action", everyItem(equalTo("login")))
                .body("pagination.total", greaterThanOrEqualTo(2));
    }

    private static Response changeRole(String token, String userId, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body)
                .put("/admin/users/" + userId + "/role");
    }
}
