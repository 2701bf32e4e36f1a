package io.gitinsight.auth;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class ApiKeyTest {

    private static final String INTERNAL = "test-internal-token";

    @Test
    void showsTheKeyOnceAndStoresOnlyItsHash() throws Exception {
        String token = Logins.login("keys-" + Logins.newGitHubId()).getString("access_token");

        Response created = create(token, "{\"name\": \"ci\", \"scopes\": [\"repository:read\"], \"expires_in_days\": 30}");

        created.then().statusCode(201).body("name", equalTo("ci")).body("scopes", equalTo(java.util.List.of("repository:read")))
                .body("rate_limit_per_hour", equalTo(1000));
        String key = created.jsonPath().getString("key");
        assertThat(key).startsWith("gik_").hasSize(47);
        given().auth().oauth2(token).get("/auth/api-keys").then().statusCode(200).body("data", hasSize(1))
                .body("data[0].prefix", equalTo(key.substring(0, 12))).body("data[0].key", nullValue())
                .body("pagination.total", equalTo(1));
        try (Connection db = AuditLogs.connect();
                Statement query = db.createStatement();
                ResultSet rows = query.executeQuery("SELECT t::text FROM auth.api_keys t")) {
            while (rows.next()) {
                assertThat(rows.getString(1)).doesNotContain(key.substring(4));
            }
        }
    }

    @Test
    void letsTheGatewayVerifyAKeyUntilItIsRevoked() throws Exception {
        var login = Logins.login("verify-" + Logins.newGitHubId());
        String token = login.getString("access_token");
        Response created = create(token, "{\"name\": \"bot\"}");
        String key = created.jsonPath().getString("key");

        verify(key).then().statusCode(200).body("user_id", equalTo(login.getString("user.id")))
                .body("login", equalTo(login.getString("user.username"))).body("role", equalTo("user"))
                .body("scopes", equalTo(java.util.List.of("insights:read", "repository:analyze", "repository:read")))
                .body("rate_limit_per_hour", equalTo(1000));
        given().auth().oauth2(token).get("/auth/api-keys").then().body("data[0].last_used_at",
                org.hamcrest.Matchers.notNullValue());

        given().auth().oauth2(token).delete("/auth/api-keys/" + created.jsonPath().getString("id")).then()
                .statusCode(204);

        verify(key).then().statusCode(401).body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
        verify("gik_unknown").then().statusCode(401);
        assertThat(AuditLogs.actionsOf(login.getString("user.id"))).contains("api_key_created", "api_key_revoked");
    }

    @Test
    void refusesAnExpiredKey() throws Exception {
        String token = Logins.login("expiry-" + Logins.newGitHubId()).getString("access_token");
        Response created = create(token, "{\"name\": \"short\", \"expires_in_days\": 1}");
        try (Connection db = AuditLogs.connect(); Statement update = db.createStatement()) {
            update.executeUpdate("UPDATE auth.api_keys SET expires_at = now() - interval '1 minute' WHERE id = '"
                    + created.jsonPath().getString("id") + "'");
        }

        verify(created.jsonPath().getString("key")).then().statusCode(401);
    }

    @Test
    void limitsScopesAndRateLimitsToWhatTheCreatorMayGrant() {
        String user = Logins.login("scopes-" + Logins.newGitHubId()).getString("access_token");
        String admin = Logins.login(Logins.newGitHubId(), "octo-admin", "a@example.com").getString("access_token");

        create(user, "{\"name\": \"x\", \"scopes\": [\"insights:export\"]}").then().statusCode(403)
                .body("error.code", equalTo("AUTHORIZATION_DENIED"));
        create(user, "{\"name\": \"x\", \"scopes\": [\"repository:delete\"]}").then().statusCode(400)
                .body("error.details.field", equalTo("scopes"));
        create(user, "{\"name\": \"x\", \"rate_limit_per_hour\": 5000}").then().statusCode(403);
        create(admin, "{\"name\": \"load test\", \"rate_limit_per_hour\": 50000}").then().statusCode(201)
                .body("rate_limit_per_hour", equalTo(50000));
    }

    @Test
    void refusesBadRequestsAndOtherPeoplesKeys() {
        String owner = Logins.login("owner-" + Logins.newGitHubId()).getString("access_token");
        String other = Logins.login("other-" + Logins.newGitHubId()).getString("access_token");
        String id = create(owner, "{\"name\": \"mine\"}").jsonPath().getString("id");

        given().auth().oauth2(other).delete("/auth/api-keys/" + id).then().statusCode(404);
        create(owner, "{\"scopes\": []}").then().statusCode(400).body("error.details.field", equalTo("name"));
        create(owner, "{\"name\": \"x\", \"expires_in_days\": 0}").then().statusCode(400)
                .body("error.details.field", equalTo("expires_in_days"));
        given().auth().oauth2(owner).delete("/auth/api-keys/not-a-uuid").then().statusCode(400);
        given().contentType("application/json").body("{\"name\": \"x\"}").post("/auth/api-keys").then().statusCode(401);
        given().get("/auth/api-keys").then().statusCode(401);
    }

    @Test
    void anAdminsKeyWithAdminUsersReadsTheAdminEndpointsAsItsOwner() {
        String admin = Logins.login(Logins.newGitHubId(), "octo-admin", "a@example.com").getString("access_token");
        String key = create(admin, "{\"name\": \"ops\", \"scopes\": [\"admin:users\", \"repository:read\"]}")
                .jsonPath().getString("key");
        String readOnly = create(admin, "{\"name\": \"reader\", \"scopes\": [\"repository:read\"]}").jsonPath()
                .getString("key");

        given().header("X-API-Key", key).get("/admin/users").then().statusCode(200).body("pagination.total",
                org.hamcrest.Matchers.greaterThan(0));
        given().auth().oauth2(key).get("/admin/audit-logs?action=api_key_created").then().statusCode(200);
        // /auth/me with a key: the owner, with what the key may do
        given().header("X-API-Key", key).get("/auth/me").then().statusCode(200).body("username", equalTo("octo-admin"))
                .body("role", equalTo("admin"))
                .body("permissions", equalTo(java.util.List.of("admin:users", "repository:read")));
        // a key without the scope is refused, whatever its owner's role
        given().header("X-API-Key", readOnly).get("/admin/users").then().statusCode(403)
                .body("error.code", equalTo("AUTHORIZATION_DENIED"));
        given().header("X-API-Key", "gik_" + "x".repeat(43)).get("/admin/users").then().statusCode(401)
                .body("error.code", equalTo("AUTHENTICATION_REQUIRED"));
    }

    @Test
    void aKeyListsAndRevokesItsOwnersKeysButNeverCreatesOneNorEndsASession() {
        var login = Logins.login("keyed-" + Logins.newGitHubId());
        String token = login.getString("access_token");
        Response created = create(token, "{\"name\": \"script\"}");
        String key = created.jsonPath().getString("key");
        String user = Logins.login("plain-" + Logins.newGitHubId()).getString("access_token");
        String userKey = create(user, "{\"name\": \"mine\"}").jsonPath().getString("key");

        given().header("X-API-Key", key).get("/auth/api-keys").then().statusCode(200).body("data", hasSize(1));
        given().header("X-API-Key", userKey).get("/admin/users").then().statusCode(403);
        given().header("X-API-Key", key).contentType("application/json").body("{\"name\": \"child\"}")
                .post("/auth/api-keys").then().statusCode(403).body("error.details.credential", equalTo("api_key"));
        given().auth().oauth2(key).contentType("application/json").body("{\"name\": \"child\"}")
                .post("/auth/api-keys").then().statusCode(403);
        given().header("X-API-Key", key).post("/auth/logout").then().statusCode(403);
        given().header("X-API-Key", key).delete("/auth/github").then().statusCode(403);

        // a key may revoke itself; afterwards it is refused
        given().header("X-API-Key", key).delete("/auth/api-keys/" + created.jsonPath().getString("id")).then()
                .statusCode(204);
        given().header("X-API-Key", key).get("/auth/me").then().statusCode(401);
        given().auth().oauth2(token).get("/auth/me").then().statusCode(200);
    }

    @Test
    void refusesInternalCallsWithoutTheServiceToken() {
        given().contentType("application/json").body("{\"key\": \"gik_x\"}").post("/internal/api-keys/verify").then()
                .statusCode(401);
        given().header("X-Internal-Token", "guess").contentType("application/json").body("{\"key\": \"gik_x\"}")
                .post("/internal/api-keys/verify").then().statusCode(403);
    }

    private static Response create(String token, String body) {
        return given().auth().oauth2(token).contentType("application/json").body(body).post("/auth/api-keys");
    }

    private static Response verify(String key) {
        return given().header("X-Internal-Token", INTERNAL).contentType("application/json")
                .body("{\"key\": \"" + key + "\"}").post("/internal/api-keys/verify");
    }
}
