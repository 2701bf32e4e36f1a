package io.gitinsight.auth;

import static io.restassured.RestAssured.given;

import java.net.URI;
import java.util.concurrent.atomic.AtomicLong;

import io.restassured.path.json.JsonPath;

/** Drives the real login flow (redirect, then callback) against the fake GitHub. */
final class Logins {

    private static final AtomicLong IDS = new AtomicLong(System.currentTimeMillis() % 1_000_000_000L * 100);

    private Logins() {
    }

    static long newGitHubId() {
        return IDS.incrementAndGet();
    }

    static String state() {
        String location = given().redirects().follow(false).get("/auth/github/login").then().statusCode(302)
                .extract().header("Location");
        String query = URI.create(location).getRawQuery();
        for (String pair : query.split("&")) {
            if (pair.startsWith("state=")) {
                return pair.substring(6);
            }
        }
        throw new AssertionError("no state in " + location);
    }

    /** Logs a new GitHub account in and answers the token response. */
    static JsonPath login(String login) {
        return login(newGitHubId(), login, login + "@example.com");
    }

    static JsonPath login(long githubId, String login, String email) {
        String code = "code-" + githubId;
        GitHubFake.acceptsCode(code, githubId, login, email);
        return given().accept("application/json").queryParam("code", code).queryParam("state", state())
                .get("/auth/github/callback").then().statusCode(200).extract().jsonPath();
    }
}
