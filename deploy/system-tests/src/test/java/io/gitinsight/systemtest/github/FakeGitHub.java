package io.gitinsight.systemtest.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * GitHub as the services meet it, on a free port: the OAuth web flow (authorize and access_token, at
 * {@code GITHUB_WEB_URL}), the signed-in user's {@code /user} and {@code /user/emails}, the REST resources of
 * the repositories a test serves ({@link RepositoryStubs}), and a GraphQL endpoint that answers 404 as a
 * GitHub Enterprise without GraphQL does, so that ingestion collects pull requests over REST.
 */
public final class FakeGitHub {

    /** The "browser session" at GitHub: which user the authorize page signs in. */
    public static final String SESSION_COOKIE = "user_session";

    private final WireMockServer server;
    private final String clientId;
    private final String clientSecret;

    private FakeGitHub(WireMockServer server, String clientId, String clientSecret) {
        this.server = server;
        this.clientId = clientId;
        this.clientSecret = clientSecret;
    }

    /** {@code gatewayUrl}: where the OAuth app's callback is registered (GitHub sends the browser there). */
    public static FakeGitHub start(String gatewayUrl, String clientId, String clientSecret) {
        WireMockServer server = new WireMockServer(wireMockConfig().dynamicPort().bindAddress("127.0.0.1")
                .templatingEnabled(true).globalTemplating(false).containerThreads(20));
        server.start();
        FakeGitHub github = new FakeGitHub(server, clientId, clientSecret);
        github.stubOAuth(gatewayUrl);
        server.stubFor(post(urlPathEqualTo("/graphql")).willReturn(aResponse().withStatus(404)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"message\":\"Not Found\",\"documentation_url\":\"https://docs.github.com/graphql\"}")));
        return github;
    }

    private void stubOAuth(String gatewayUrl) {
        // the authorize page signs in whoever the session cookie names and sends the browser to the callback
        server.stubFor(get(urlPathEqualTo("/login/oauth/authorize")).withQueryParam("client_id", equalTo(clientId))
                .withQueryParam("state", matching(".+")).withCookie(SESSION_COOKIE, matching("[a-z0-9-]+"))
                .willReturn(aResponse().withStatus(302).withHeader("Location", gatewayUrl
                        + "/api/v1/auth/github/callback?code=code-{{request.cookies." + SESSION_COOKIE
                        + "}}&state={{request.query.state}}").withTransformers("response-template")));
        // GitHub answers 200 with an error for a code it does not know
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(10).willReturn(okJson(
                "{\"error\":\"bad_verification_code\",\"error_description\":\"The code passed is incorrect or expired.\"}")));
    }

    /**
     * A GitHub account that can sign in: the code {@code code-<login>} buys the token {@code gho_<login>}, which
     * reads this profile. Without a public email, {@code /user/emails} gives the primary one.
     */
    public void user(String login, long id, String name, String publicEmail, String primaryEmail) {
        String token = token(login);
        server.stubFor(post(urlPathEqualTo("/login/oauth/access_token")).atPriority(1)
                .withFormParam("client_id", equalTo(clientId)).withFormParam("client_secret", equalTo(clientSecret))
                .withFormParam("code", equalTo("code-" + login))
                .willReturn(okJson("{\"access_token\":\"" + token + "\",\"token_type\":\"bearer\","
                        + "\"scope\":\"read:org,read:user,repo,user:email\"}")));
        ObjectNode profile = (ObjectNode) Fixtures.rest("get_user.response-with-public-and-private-profile-information.json");
        profile.put("login", login).put("id", id).put("name", name).put("avatar_url",
                "https://avatars.githubusercontent.com/u/" + id);
        if (publicEmail == null) {
            profile.putNull("email");
        } else {
            profile.put("email", publicEmail);
        }
        server.stubFor(get(urlPathEqualTo("/user")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson(profile.toString())));
        server.stubFor(get(urlPathEqualTo("/user/emails")).withHeader("Authorization", equalTo("Bearer " + token))
                .willReturn(okJson("[{\"email\":\"" + login + "@users.noreply.github.com\",\"primary\":false,"
                        + "\"verified\":true},{\"email\":\"" + primaryEmail + "\",\"primary\":true,\"verified\":true}]")));
    }

    /** The OAuth token GitHub hands out for {@code login}'s code. */
    public static String token(String login) {
        return "gho_" + login;
    }

    /** Serves a repository's REST resources; the returned stubs can make them slow or flaky. */
    public RepositoryStubs repository(FakeRepository repository) {
        RepositoryStubs stubs = new RepositoryStubs(server, repository);
        stubs.serve();
        return stubs;
    }

    public String url() {
        return server.baseUrl();
    }

    public WireMockServer server() {
        return server;
    }

    public void stop() {
        server.stop();
    }
}
