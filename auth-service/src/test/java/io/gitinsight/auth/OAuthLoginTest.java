package io.gitinsight.auth;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

import java.net.URI;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class OAuthLoginTest {

    @Test
    void redirectsToGitHubWithClientIdScopesAndAState() {
        String location = given().redirects().follow(false).queryParam("redirect_uri", "http://localhost:5173/cb")
                .get("/auth/github/login").then().statusCode(302).extract().header("Location");

        URI uri = URI.create(location);
        assertThat(location).startsWith(GitHubFake.server.baseUrl() + "/login/oauth/authorize?");
        assertThat(uri.getQuery()).contains("client_id=test-client-id")
                .contains("scope=read:user user:email read:org repo").contains("redirect_uri=http://localhost:5173/cb")
                .containsPattern("state=[A-Za-z0-9_-]{43}");
    }

    @Test
    void logsInAndAnswersTokensAndTheUser() {
        long githubId = Logins.newGitHubId();

        JsonPath tokens = Logins.login(githubId, "mona-" + githubId, "mona@example.com");

        assertThat(tokens.getString("token_type")).isEqualTo("Bearer");
        assertThat(tokens.getLong("expires_in")).isEqualTo(900);
        assertThat(tokens.getString("access_token").split("\\.")).hasSize(3);
        assertThat(tokens.getString("refresh_token")).hasSize(43);
        assertThat(tokens.getLong("user.github_id")).isEqualTo(githubId);
        assertThat(tokens.getString("user.username")).isEqualTo("mona-" + githubId);
        assertThat(tokens.getString("user.name")).isEqualTo("monalisa octocat");
        assertThat(tokens.getString("user.role")).isEqualTo("user");
        assertThat(tokens.getList("user.permissions")).containsExactly("insights:read", "repository:analyze",
                "repository:read");
    }

    @Test
    void sendsTheBrowserToTheFrontendWithTokensInTheFragment() {
        long githubId = Logins.newGitHubId();
        GitHubFake.acceptsCode("browser-" + githubId, githubId, "browser-" + githubId, null);

        String location = given().redirects().follow(false).queryParam("code", "browser-" + githubId)
                .queryParam("state", Logins.state()).get("/auth/github/callback").then().statusCode(302)
                .header("Location", startsWith("http://localhost:5173#access_token=")).extract().header("Location");

        java.util.Map<String, String> fragment = new java.util.HashMap<>();
        for (String pair : location.substring(location.indexOf('#') + 1).split("&")) {
            String[] kv = pair.split("=", 2);
            fragment.put(kv[0], java.net.URLDecoder.decode(kv[1], java.nio.charset.StandardCharsets.UTF_8));
        }
        assertThat(fragment).containsKeys("access_token", "refresh_token", "user").containsEntry("token_type", "Bearer")
                .containsEntry("expires_in", "900");
        JsonPath user = JsonPath.from(fragment.get("user"));
        assertThat(user.getLong("github_id")).isEqualTo(githubId);
        assertThat(user.getString("username")).isEqualTo("browser-" + githubId);
        assertThat(user.getString("role")).isEqualTo("user");
        assertThat(user.getList("permissions")).contains("repository:read");
    }

    @Test
    void readsThePrimaryVerifiedEmailWhenTheProfileHidesIt() {
        long githubId = Logins.newGitHubId();
        GitHubFake.server.stubFor(get(urlPathEqualTo("/user/emails")).willReturn(okJson(
                "[{\"email\":\"old@example.com\",\"primary\":false,\"verified\":true},"
                        + "{\"email\":\"private@example.com\",\"primary\":true,\"verified\":true}]")));

        JsonPath tokens = Logins.login(githubId, "private-" + githubId, null);

        assertThat(tokens.getString("user.email")).isEqualTo("private@example.com");
    }

    @Test
    void makesListedLoginsAdminOnFirstLogin() {
        JsonPath tokens = Logins.login(Logins.newGitHubId(), "octo-admin", "admin@example.com");

        assertThat(tokens.getString("user.role")).isEqualTo("admin");
        assertThat(tokens.getList("user.permissions")).contains("admin:users", "admin:system");
    }

    @Test
    void refusesAnUnknownOrReusedState() {
        long githubId = Logins.newGitHubId();
        GitHubFake.acceptsCode("reuse-" + githubId, githubId, "reuse-" + githubId, "r@example.com");
        String state = Logins.state();
        given().accept("application/json").queryParam("code", "reuse-" + githubId).queryParam("state", state)
                .get("/auth/github/callback").then().statusCode(200);

        given().accept("application/json").queryParam("code", "reuse-" + githubId).queryParam("state", state)
                .get("/auth/github/callback").then().statusCode(400).body("error.code", equalTo("VALIDATION_ERROR"))
                .body("error.details.field", equalTo("state"));
        given().queryParam("code", "x").queryParam("state", "never-issued").get("/auth/github/callback").then()
                .statusCode(400).body("error.details.field", equalTo("state"));
        given().queryParam("code", "x").get("/auth/github/callback").then().statusCode(400);
    }

    @Test
    void answersGitHubRefusingTheCodeWith401() {
        GitHubFake.refusesCode("expired-code");

        given().queryParam("code", "expired-code").queryParam("state", Logins.state()).get("/auth/github/callback")
                .then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"))
                .body("error.details.github_error", equalTo("bad_verification_code"));
    }

    @Test
    void answersGitHubBeingDownWith502() {
        GitHubFake.failsWith("down-code", 503);

        given().queryParam("code", "down-code").queryParam("state", Logins.state()).get("/auth/github/callback")
                .then().statusCode(502).body("error.code", equalTo("UPSTREAM_UNAVAILABLE"));
    }

    @Test
    void storesTheGitHubTokenOnlyEncrypted() throws Exception {
        long githubId = Logins.newGitHubId();
        JsonPath tokens = Logins.login(githubId, "sealed-" + githubId, "s@example.com");

        try (Connection db = AuditLogs.connect();
                PreparedStatement query = db.prepareStatement("SELECT t.key_id, t.nonce, t.ciphertext, t.scopes "
                        + "FROM auth.github_tokens t JOIN auth.users u ON u.id = t.user_id WHERE u.github_id = ?")) {
            query.setLong(1, githubId);
            ResultSet row = query.executeQuery();
            assertThat(row.next()).isTrue();
            String plain = "gho_code-" + githubId;
            assertThat(new String(row.getBytes("ciphertext"), java.nio.charset.StandardCharsets.ISO_8859_1))
                    .doesNotContain(plain);
            assertThat(row.getBytes("ciphertext")).hasSize(plain.length() + 16);
            assertThat(row.getBytes("nonce")).hasSize(12);
            assertThat(row.getString("key_id")).matches("[0-9a-f]{16}");
        }
        assertThat(tokens.getString("user.id")).isNotBlank();
    }
}
