package io.gitinsight.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import io.gitinsight.gateway.fakes.FakeBackends;
import io.gitinsight.model.security.Role;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/** CONTRACT §2's role matrix, route by route: 401 for a guest lacking a permission, 403 for a signed-in caller. */
@QuarkusTest
@QuarkusTestResource(FakeBackends.class)
class RbacMatrixTest {

    @Inject
    RedisCounters counters;

    @BeforeEach
    void startWithFullBudgets() {
        counters.forget();
    }

    @ParameterizedTest(name = "{0} {1}: guest {2}, user {3}, premium {4}, admin {5}")
    @CsvSource({
            "GET,    /api/v1/repositories,                    200, 200, 200, 200",
            "GET,    /api/v1/repositories/r1,                 200, 200, 200, 200",
            "GET,    /api/v1/repositories/r1/metrics,         200, 200, 200, 200",
            "GET,    /api/v1/repositories/r1/insights,        200, 200, 200, 200",
            "GET,    /api/v1/repositories/r1/contributors,    200, 200, 200, 200",
            "GET,    /api/v1/fast/search,                     200, 200, 200, 200",
            "GET,    /api/v1/jobs/j1,                         200, 200, 200, 200",
            "GET,    /api/v1/orgs/acme/repositories,          200, 200, 200, 200",
            "POST,   /api/v1/repositories,                    401, 200, 200, 200",
            "PUT,    /api/v1/repositories/r1,                 401, 200, 200, 200",
            "POST,   /api/v1/repositories/r1/analyze,         401, 200, 200, 200",
            "POST,   /api/v1/repositories/r1/follow,          401, 200, 200, 200",
            "POST,   /api/v1/users/octocat/analyze,           401, 200, 200, 200",
            "POST,   /api/v1/orgs/acme/import,                401, 200, 200, 200",
            "GET,    /api/v1/repositories/r1/insights/export, 401, 403, 200, 200",
            "GET,    /api/v1/admin/users,                     401, 403, 403, 200",
            "PUT,    /api/v1/admin/users/u1/role,             401, 403, 403, 200",
            "GET,    /api/v1/admin/audit-logs,                401, 403, 403, 200",
            "GET,    /api/v1/system/status,                   401, 403, 403, 200",
            "GET,    /api/v1/system/stats,                    401, 403, 403, 200",
            "GET,    /api/v1/auth/me,                         200, 200, 200, 200",
            "POST,   /api/v1/webhooks/github,                 200, 200, 200, 200" })
    void grantsEachRoleExactlyItsPermissions(String method, String path, int guest, int user, int premium, int admin) {
        List<Integer> expected = List.of(guest, user, premium, admin);
        List<Role> roles = List.of(Role.GUEST, Role.USER, Role.PREMIUM, Role.ADMIN);
        for (int i = 0; i < roles.size(); i++) {
            Response response = send(Callers.as(roles.get(i)), method, path);
            assertThat(response.statusCode()).as(roles.get(i) + " " + method + " " + path + ": " + response.asString())
                    .isEqualTo(expected.get(i));
            if (expected.get(i) >= 400) {
                ErrorAnswers.assertError(response, expected.get(i),
                        expected.get(i) == 401 ? "AUTHENTICATION_REQUIRED" : "AUTHORIZATION_DENIED");
            }
        }
    }

    @ParameterizedTest(name = "{0} key with scopes [{1}] on {2} {3}: {4}")
    @CsvSource({
            "ADMIN,   repository:read,                    GET,  /api/v1/admin/users,                     403",
            "ADMIN,   admin:users,                        GET,  /api/v1/admin/users,                     200",
            "ADMIN,   admin:system,                       GET,  /api/v1/system/status,                   200",
            "PREMIUM, repository:read insights:read,      GET,  /api/v1/repositories/r1/insights/export, 403",
            "PREMIUM, insights:export,                    GET,  /api/v1/repositories/r1/insights/export, 200",
            "USER,    repository:read,                    POST, /api/v1/repositories,                    403",
            "USER,    repository:analyze,                 POST, /api/v1/repositories,                    200",
            "USER,    admin:users,                        GET,  /api/v1/admin/users,                     403",
            "USER,    insights:export,                    GET,  /api/v1/repositories/r1/insights/export, 403" })
    void grantsAnApiKeyItsScopesWithinItsOwnersRole(Role owner, String scopes, String method, String path,
            int status) {
        String key = FakeBackends.auth().issueKey(owner, 1000, scopes.split(" "));

        Response response = send(Callers.withKey(key), method, path);

        assertThat(response.statusCode()).as(response.asString()).isEqualTo(status);
    }

    @Test
    void tellsAGuestToSignInAndASignedInCallerWhatIsMissing() {
        Response guest = send(Callers.guest(), "GET", "/api/v1/admin/users");
        Response user = send(Callers.as(Role.USER), "GET", "/api/v1/admin/users");

        assertThat(guest.jsonPath().getString("error.details.role")).isEqualTo("guest");
        assertThat(user.jsonPath().getString("error.details.role")).isEqualTo("user");
        assertThat(user.jsonPath().getString("error.details.permission")).isEqualTo("admin:users");
    }

    private static Response send(RequestSpecification request, String method, String path) {
        return request.contentType("application/json").body("{}").request(method, path);
    }
}
