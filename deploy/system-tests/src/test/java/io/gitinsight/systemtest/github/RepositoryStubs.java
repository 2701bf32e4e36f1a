package io.gitinsight.systemtest.github;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * One repository's REST resources at the fake GitHub, from GitHub's example responses: its metadata (with
 * this repository's name, id, clone URL and default branch), languages, pull requests with their reviews and
 * review comments, issues, releases, and deployments with their statuses. Each list fits on one page.
 */
public final class RepositoryStubs {

    /** Lower than a scenario's stubs, which take precedence while their scenario is in a matching state. */
    private static final int NORMAL = 5;

    private final WireMockServer server;
    private final FakeRepository repository;
    private final Map<String, String> bodies = new LinkedHashMap<>();

    RepositoryStubs(WireMockServer server, FakeRepository repository) {
        this.server = server;
        this.repository = repository;
        JsonNode pulls = Fixtures.rest("get_repos_OWNER_REPO_pulls.json");
        JsonNode issues = Fixtures.rest("get_repos_OWNER_REPO_issues.json");
        JsonNode deployments = Fixtures.rest("get_repos_OWNER_REPO_deployments.json");
        bodies.put("", metadata(openIssuesCount(pulls, issues)).toString());
        ObjectNode languages = Fixtures.JSON.createObjectNode();
        repository.languages().forEach(languages::put);
        bodies.put("/languages", languages.toString());
        bodies.put("/pulls", pulls.toString());
        for (JsonNode pull : pulls) {
            bodies.put("/pulls/" + pull.path("number").asInt() + "/reviews",
                    Fixtures.rest("get_repos_OWNER_REPO_pulls_PULL_NUMBER_reviews.json").toString());
        }
        bodies.put("/pulls/comments", Fixtures.rest("get_repos_OWNER_REPO_pulls_PULL_NUMBER_comments.json").toString());
        bodies.put("/issues", issues.toString());
        bodies.put("/releases", Fixtures.rest("get_repos_OWNER_REPO_releases.json").toString());
        bodies.put("/deployments", deployments.toString());
        for (JsonNode deployment : deployments) {
            bodies.put("/deployments/" + deployment.path("id").asLong() + "/statuses",
                    Fixtures.rest("get_repos_OWNER_REPO_deployments_DEPLOYMENT_ID_statuses.json").toString());
        }
    }

    /**
     * GitHub's {@code open_issues_count} counts open issues and open pull requests (the issues list holds both);
     * ingestion checks what it collected against it, so the example data must agree with itself.
     */
    private static int openIssuesCount(JsonNode pulls, JsonNode issues) {
        int open = 0;
        for (JsonNode pull : pulls) {
            open += "open".equals(pull.path("state").asText()) ? 1 : 0;
        }
        for (JsonNode issue : issues) {
            open += !issue.has("pull_request") && "open".equals(issue.path("state").asText()) ? 1 : 0;
        }
        return open;
    }

    private ObjectNode metadata(int openIssues) {
        ObjectNode repo = (ObjectNode) Fixtures.rest("get_repos_OWNER_REPO.json");
        repo.put("id", repository.githubId()).put("name", repository.name()).put("full_name", repository.fullName())
                .put("clone_url", repository.cloneUrl()).put("default_branch", repository.defaultBranch())
                .put("open_issues_count", openIssues).put("open_issues", openIssues).put("private", false)
                .put("visibility", "public").put("html_url", "https://github.com/" + repository.fullName())
                // GitHub names the language with the most bytes
                .put("language", repository.languages().entrySet().stream().max(Map.Entry.comparingByValue())
                        .map(Map.Entry::getKey).orElse(null));
        ((ObjectNode) repo.path("owner")).put("login", repository.owner());
        return repo;
    }

    void serve() {
        bodies.forEach((resource, body) -> server.stubFor(get(urlPathEqualTo(path(resource))).atPriority(NORMAL)
                .willReturn(okJson(body))));
    }

    /** The resource answers after {@code delay}, keeping a sync busy for that long. */
    public void slow(String resource, Duration delay) {
        server.stubFor(get(urlPathEqualTo(path(resource))).atPriority(NORMAL)
                .willReturn(okJson(bodies.get(resource)).withFixedDelay((int) delay.toMillis())));
    }

    /**
     * Every resource first fails with a 502; those in {@code limited} then answer a secondary rate limit (403,
     * {@code retry-after: 1}) once more; after that each answers normally. {@link #resetFaults} starts over.
     */
    public void flaky(Set<String> limited) {
        for (String resource : bodies.keySet()) {
            String scenario = "flaky " + path(resource);
            String afterFailure = limited.contains(resource) ? "limited" : "recovered";
            server.stubFor(get(urlPathEqualTo(path(resource))).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(Scenario.STARTED).willSetStateTo(afterFailure)
                    .willReturn(aResponse().withStatus(502).withHeader("Content-Type", "text/html")
                            .withBody("<html><body><h1>502 Bad Gateway</h1></body></html>")));
            if (limited.contains(resource)) {
                server.stubFor(get(urlPathEqualTo(path(resource))).atPriority(1).inScenario(scenario)
                        .whenScenarioStateIs("limited").willSetStateTo("recovered")
                        .willReturn(aResponse().withStatus(403).withHeader("Content-Type", "application/json")
                                .withHeader("retry-after", "1")
                                .withBody("{\"message\":\"You have exceeded a secondary rate limit. Please wait a few "
                                        + "minutes before you try again.\",\"documentation_url\":\"https://docs.github.com"
                                        + "/rest/overview/rate-limits-for-the-rest-api\"}")));
            }
        }
    }

    /** Every flaky resource fails again from its next request on; what was served before is forgotten. */
    public void resetFaults() {
        server.resetScenarios();
        server.resetRequests();
    }

    /** The statuses the fake answered for a resource, in order. */
    public List<Integer> statusesServed(String resource) {
        String path = path(resource);
        return server.getAllServeEvents().stream().filter(e -> e.getRequest().getUrl().split("\\?")[0].equals(path))
                .sorted(java.util.Comparator.comparing(e -> e.getRequest().getLoggedDate()))
                .map(ServeEvent::getResponse).map(r -> r.getStatus()).toList();
    }

    /** The resources this repository serves, relative to {@code /repos/{owner}/{name}} ("" is the metadata). */
    public Set<String> resources() {
        return bodies.keySet();
    }

    /** The pull-request numbers GitHub lists for this repository. */
    public List<Integer> pullNumbers() {
        ArrayNode pulls = (ArrayNode) Fixtures.rest("get_repos_OWNER_REPO_pulls.json");
        List<Integer> numbers = new java.util.ArrayList<>();
        pulls.forEach(p -> numbers.add(p.path("number").asInt()));
        return numbers;
    }

    private String path(String resource) {
        return "/repos/" + repository.fullName() + resource;
    }
}
