package io.gitinsight.gateway;

import static io.restassured.RestAssured.given;

import io.gitinsight.gateway.fakes.TestTokens;
import io.gitinsight.model.security.Role;
import io.restassured.specification.RequestSpecification;

/** Requests as each kind of caller: a guest, a role's access token, or an API key. */
final class Callers {

    private Callers() {
    }

    static RequestSpecification guest() {
        return given().redirects().follow(false);
    }

    static RequestSpecification as(Role role) {
        return role == Role.GUEST ? guest() : guest().header("Authorization", "Bearer " + TestTokens.token(role));
    }

    static RequestSpecification withToken(String token) {
        return guest().header("Authorization", "Bearer " + token);
    }

    static RequestSpecification withKey(String key) {
        return guest().header("X-API-Key", key);
    }
}
