import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.common.Json;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ResponseTransformerV2;
import com.github.tomakehurst.wiremock.http.HttpHeader;
import com.github.tomakehurst.wiremock.http.Response;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

/**
 * GitHub for one repository with PULLS pull requests, as ingestion's sync asks for it (github-sync-cost.sh):
 * REST metadata, languages, issues (which list the pull requests too, 100 a page with {@code Link}),
 * releases, deployments with their statuses, every answer with an {@code ETag} and a 304 to a matching
 * {@code If-None-Match}, {@code ?since=} answered as GitHub does for an unchanged repository (nothing
 * updated since); and GraphQL pages of pull requests (with commits, reviews, review comments) in the shape
 * {@code PullRequestQueries} asks for, built from the request's {@code $first} and {@code $after}.
 * Rate limits as GitHub keeps them: every REST answer but a 304 takes a point from a 5,000 budget, every
 * GraphQL answer takes its cost, computed with GitHub's formula (one request per connection, times the
 * nodes it hangs on, divided by 100, rounded, at least 1), from a GraphQL budget of 5,000; both are sent
 * as {@code x-ratelimit-*} headers and {@code rateLimit} in the GraphQL answer.
 * Example bodies come from /work/shared/fixtures/github/rest/examples (FIXTURES).
 * Run: java -cp wiremock-standalone.jar FakeGitHub.java PORT OWNER/NAME CLONE_URL PULLS [FIXTURES]
 */
public class FakeGitHub {

    static final AtomicLong REST_USED = new AtomicLong();
    static final AtomicLong GRAPHQL_USED = new AtomicLong();
    static final long LIMIT = 5000;
    static final long RESET = Instant.now().plusSeconds(3600).getEpochSecond();
    static final int ISSUES = 20;

    static int pulls;
    static String fullName;

    public static void main(String[] args) throws Exception {
        int port = Integer.parseInt(args[0]);
        fullName = args[1];
        String cloneUrl = args[2];
        pulls = Integer.parseInt(args[3]);
        Path fixtures = Path.of(args.length > 4 ? args[4] : "/work/shared/fixtures/github/rest/examples");

        WireMockServer server = new WireMockServer(wireMockConfig().port(port).bindAddress("127.0.0.1")
                .containerThreads(20).extensions(new RestBudget(), new GraphQLPages()));
        server.start();
        String base = "/repos/" + fullName;
        String api = "http://127.0.0.1:" + port;

        // the issues list holds issues and pull requests alike (GitHub's issues endpoint)
        Map<String, Object> issueTemplate = first(fixtures.resolve("get_repos_OWNER_REPO_issues.json"));
        List<Object> issues = new ArrayList<>();
        int openIssues = 0;
        for (int n = 1; n <= pulls + ISSUES; n++) {
            Map<String, Object> issue = new LinkedHashMap<>(issueTemplate);
            boolean pull = n <= pulls;
            String state = pull ? pullState(n).equals("OPEN") ? "open" : "closed" : n % 4 == 0 ? "open" : "closed";
            issue.put("id", 500_000 + n);
            issue.put("number", n);
            issue.put("title", (pull ? "Change " : "Issue ") + n);
            issue.put("state", state);
            issue.put("url", api + base + "/issues/" + n);
            issue.put("created_at", created(n));
            issue.put("updated_at", created(n));
            issue.put("closed_at", state.equals("closed") ? created(n) : null);
            if (pull) {
                issue.put("pull_request", Map.of("url", api + base + "/pulls/" + n));
            } else {
                issue.remove("pull_request");
                openIssues += state.equals("open") ? 1 : 0;
            }
            issues.add(issue);
        }
        int openPulls = 0;
        for (int n = 1; n <= pulls; n++) {
            openPulls += pullState(n).equals("OPEN") ? 1 : 0;
        }

        Map<String, Object> repo = read(fixtures.resolve("get_repos_OWNER_REPO.json"));
        repo.put("id", 900_001);
        repo.put("name", fullName.substring(fullName.indexOf('/') + 1));
        repo.put("full_name", fullName);
        repo.put("clone_url", cloneUrl);
        repo.put("default_branch", "main");
        repo.put("private", false);
        repo.put("visibility", "public");
        repo.put("language", "Java");
        repo.put("open_issues_count", openIssues + openPulls);
        repo.put("open_issues", openIssues + openPulls);

        serve(server, base, null, Json.write(repo), null);
        serve(server, base + "/languages", null, "{\"Java\": 412345, \"Shell\": 5120, \"Python\": 20480}", null);
        for (int page = 0; page * 100 < issues.size(); page++) {
            List<Object> slice = issues.subList(page * 100, Math.min(issues.size(), page * 100 + 100));
            boolean more = (page + 1) * 100 < issues.size();
            String link = more ? "<" + api + base + "/issues?state=all&per_page=100&page=" + (page + 2)
                    + ">; rel=\"next\", <" + api + base + "/issues?state=all&per_page=100&page="
                    + ((issues.size() + 99) / 100) + ">; rel=\"last\"" : null;
            serve(server, base + "/issues", page == 0 ? null : Integer.toString(page + 1), Json.write(slice), link);
        }
        // ?since=: GitHub lists what was updated since; in an unchanged repository that is nothing
        String empty = "[]";
        String etag = etag(empty + "since");
        server.stubFor(get(urlPathEqualTo(base + "/issues")).withQueryParam("since", matching(".+")).atPriority(1)
                .withHeader("If-None-Match", equalTo(etag)).willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
        server.stubFor(get(urlPathEqualTo(base + "/issues")).withQueryParam("since", matching(".+")).atPriority(2)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withHeader("ETag", etag).withBody(empty)));
        serve(server, base + "/releases", null, Json.write(read(fixtures.resolve("get_repos_OWNER_REPO_releases.json"))
                .getOrDefault("_list", List.of())), null);
        Object deployments = read(fixtures.resolve("get_repos_OWNER_REPO_deployments.json")).get("_list");
        serve(server, base + "/deployments", null, Json.write(deployments), null);
        String statuses = Json.write(read(fixtures.resolve("get_repos_OWNER_REPO_deployments_DEPLOYMENT_ID_statuses.json"))
                .get("_list"));
        for (Object deployment : (List<?>) deployments) {
            Object id = ((Map<?, ?>) deployment).get("id");
            serve(server, base + "/deployments/" + ((Number) id).longValue() + "/statuses", null, statuses, null);
        }
        server.stubFor(post(urlPathEqualTo("/graphql")).willReturn(aResponse().withTransformers("graphql-pages")));
        System.out.printf("fake GitHub on %s: %s with %d pull requests and %d issues (%d open in all)%n", api, fullName,
                pulls, ISSUES, openIssues + openPulls);
    }

    /** One REST resource (page {@code page} of it, or the first): 304 to its ETag, else 200 with it. */
    static void serve(WireMockServer server, String path, String page, String body, String link) {
        String etag = etag(body);
        MappingBuilder conditional = get(urlPathEqualTo(path)).withQueryParam("since", absent())
                .withHeader("If-None-Match", equalTo(etag));
        MappingBuilder plain = get(urlPathEqualTo(path)).withQueryParam("since", absent());
        conditional = page == null ? conditional.withQueryParam("page", absent()) : conditional.withQueryParam("page", equalTo(page));
        plain = page == null ? plain.withQueryParam("page", absent()) : plain.withQueryParam("page", equalTo(page));
        var notModified = aResponse().withStatus(304).withHeader("ETag", etag);
        var ok = aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                .withHeader("ETag", etag).withBody(body);
        if (link != null) {
            notModified = notModified.withHeader("Link", link);
            ok = ok.withHeader("Link", link);
        }
        server.stubFor(conditional.atPriority(3).willReturn(notModified));
        server.stubFor(plain.atPriority(4).willReturn(ok));
    }

    static String pullState(int n) {
        return n % 10 == 0 ? "OPEN" : n % 10 == 9 ? "CLOSED" : "MERGED";
    }

    static String created(int n) {
        return Instant.parse("2026-01-01T09:00:00Z").plusSeconds(3600L * 7 * n).toString();
    }

    static String etag(String body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(body.getBytes(StandardCharsets.UTF_8));
            return "W/\"" + HexFormat.of().formatHex(digest, 0, 16) + "\"";
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> read(Path file) throws java.io.IOException {
        Object value = Json.read(Files.readString(file), Object.class);
        if (value instanceof List<?> list) {
            Map<String, Object> wrapped = new LinkedHashMap<>();
            wrapped.put("_list", list);
            return wrapped;
        }
        return new LinkedHashMap<>((Map<String, Object>) value);
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> first(Path file) throws java.io.IOException {
        return (Map<String, Object>) ((List<Object>) read(file).get("_list")).get(0);
    }

    /** REST budget: every answer but a 304 costs a point; the headers say what is left. */
    public static class RestBudget implements ResponseTransformerV2 {
        @Override
        public Response transform(Response response, ServeEvent event) {
            if (event.getRequest().getUrl().startsWith("/graphql") || event.getRequest().getUrl().startsWith("/__admin")) {
                return response;
            }
            long used = response.getStatus() == 304 ? REST_USED.get() : REST_USED.incrementAndGet();
            return Response.Builder.like(response).but().headers(response.getHeaders()
                    .plus(new HttpHeader("x-ratelimit-limit", Long.toString(LIMIT)))
                    .plus(new HttpHeader("x-ratelimit-remaining", Long.toString(LIMIT - used)))
                    .plus(new HttpHeader("x-ratelimit-used", Long.toString(used)))
                    .plus(new HttpHeader("x-ratelimit-reset", Long.toString(RESET)))
                    .plus(new HttpHeader("x-ratelimit-resource", "core"))).build();
        }

        @Override
        public String getName() {
            return "rest-budget";
        }
    }

    /** Pages of pull requests for the pull-request query, from its variables. */
    public static class GraphQLPages implements ResponseDefinitionTransformerV2 {
        @Override
        @SuppressWarnings("unchecked")
        public ResponseDefinition transform(ServeEvent event) {
            Map<String, Object> request = Json.read(event.getRequest().getBodyAsString(), Map.class);
            Map<String, Object> variables = (Map<String, Object>) request.getOrDefault("variables", Map.of());
            String name = fullName.substring(fullName.indexOf('/') + 1);
            if (!name.equals(variables.get("name")) || !String.valueOf(request.get("query")).contains("pullRequests(")) {
                return error("this fake answers only the pull-request query of " + fullName);
            }
            int first = ((Number) variables.get("first")).intValue();
            Object after = variables.get("after");
            int offset = after == null ? 0 : Integer.parseInt(after.toString().substring("cursor-".length()));
            int end = Math.min(pulls, offset + first);
            // orderBy as asked: CREATED_AT ASC (a full sync) or UPDATED_AT DESC (an incremental one); pull
            // request n is created, and last updated, after n - 1
            Object order = variables.get("order");
            boolean newestFirst = order instanceof Map && "DESC".equals(((Map<?, ?>) order).get("direction"));
            List<Object> nodes = new ArrayList<>();
            for (int i = offset + 1; i <= end; i++) {
                nodes.add(pullRequest(newestFirst ? pulls + 1 - i : i));
            }
            // GitHub's cost: one request for the page, one per pull request for each of commits, reviews and
            // timelineItems, one per review asked for (20 per pull request) for the comments; / 100, rounded
            long requests = 1 + 3L * first + 20L * first;
            long cost = Math.max(1, Math.round(requests / 100.0));
            long used = GRAPHQL_USED.addAndGet(cost);
            Map<String, Object> connection = new LinkedHashMap<>();
            connection.put("totalCount", pulls);
            connection.put("pageInfo", pageInfo(end < pulls, "cursor-" + end));
            connection.put("nodes", nodes);
            Map<String, Object> data = new LinkedHashMap<>();
            data.put("rateLimit", Map.of("cost", cost, "remaining", LIMIT - used, "limit", LIMIT, "resetAt",
                    Instant.ofEpochSecond(RESET).toString()));
            data.put("repository", Map.of("pullRequests", connection));
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json; charset=utf-8")
                    .withBody(Json.write(Map.of("data", data)))
                    .withHeader("x-ratelimit-limit", Long.toString(LIMIT))
                    .withHeader("x-ratelimit-remaining", Long.toString(LIMIT - used))
                    .withHeader("x-ratelimit-used", Long.toString(used))
                    .withHeader("x-ratelimit-reset", Long.toString(RESET))
                    .withHeader("x-ratelimit-resource", "graphql").build();
        }

        private static ResponseDefinition error(String message) {
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                    .withBody(Json.write(Map.of("errors", List.of(Map.of("message", message))))).build();
        }

        @Override
        public String getName() {
            return "graphql-pages";
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }

    static Map<String, Object> pageInfo(boolean more, String cursor) {
        Map<String, Object> info = new LinkedHashMap<>();
        info.put("hasNextPage", more);
        info.put("endCursor", cursor);
        return info;
    }

    static Map<String, Object> connection(List<Object> nodes) {
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("totalCount", nodes.size());
        connection.put("pageInfo", pageInfo(false, null));
        connection.put("nodes", nodes);
        return connection;
    }

    /** Pull request {@code n}: 1–5 commits, 0–3 reviews with 0–2 comments each; open, closed or merged. */
    static Map<String, Object> pullRequest(int n) {
        String state = pullState(n);
        Instant created = Instant.parse(created(n));
        Map<String, Object> pr = new LinkedHashMap<>();
        pr.put("id", "PR_" + n);
        pr.put("fullDatabaseId", String.valueOf(700_000 + n));
        pr.put("number", n);
        pr.put("title", "Change " + n);
        pr.put("state", state);
        pr.put("isDraft", false);
        pr.put("createdAt", created.toString());
        pr.put("updatedAt", created.plusSeconds(7200).toString());
        pr.put("closedAt", state.equals("OPEN") ? null : created.plusSeconds(7200).toString());
        pr.put("mergedAt", state.equals("MERGED") ? created.plusSeconds(7200).toString() : null);
        pr.put("author", Map.of("login", "dev" + (n % 7)));
        pr.put("mergeCommit", state.equals("MERGED") ? Map.of("oid", String.format("%040x", 0xabc000L + n)) : null);
        pr.put("headRefName", "feature/" + n);
        pr.put("headRefOid", String.format("%040x", 0xdef000L + n));
        pr.put("baseRefName", "main");
        pr.put("additions", 10 * n % 400 + 1);
        pr.put("deletions", 3 * n % 120);
        List<Object> commits = new ArrayList<>();
        for (int c = 0; c < 1 + n % 5; c++) {
            commits.add(Map.of("commit", Map.of("oid", String.format("%040x", n * 100L + c), "authoredDate",
                    created.minusSeconds(600L * (c + 1)).toString())));
        }
        pr.put("commits", connection(commits));
        List<Object> reviews = new ArrayList<>();
        for (int r = 0; r < n % 4; r++) {
            List<Object> comments = new ArrayList<>();
            for (int c = 0; c < (n + r) % 3; c++) {
                comments.add(Map.of("fullDatabaseId", String.valueOf(n * 1000L + r * 10 + c), "createdAt",
                        created.plusSeconds(1800 + 60L * c).toString(), "state", "SUBMITTED", "author",
                        Map.of("login", "reviewer" + (r % 3))));
            }
            Map<String, Object> review = new LinkedHashMap<>();
            review.put("id", "PRR_" + n + "_" + r);
            review.put("fullDatabaseId", String.valueOf(n * 100L + r));
            review.put("state", r == n % 4 - 1 && state.equals("MERGED") ? "APPROVED" : "COMMENTED");
            review.put("submittedAt", created.plusSeconds(3600).toString());
            review.put("author", Map.of("login", "reviewer" + (r % 3)));
            review.put("comments", connection(comments));
            reviews.add(review);
        }
        pr.put("reviews", connection(reviews));
        pr.put("timelineItems", Map.of("nodes", List.of()));
        return pr;
    }
}
