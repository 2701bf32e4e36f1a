package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import java.nio.file.Files;
import java.nio.file.Path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

import io.gitinsight.ingestion.git.GitCliAccess;
import io.gitinsight.model.json.Json;

/** GitHub's example payloads, shaped into one small repository, and real git repositories to clone. */
final class SyncFixtures {

    private SyncFixtures() {
    }

    static Path gitRepository(int commits) throws Exception {
        Path dir = Files.createTempDirectory("gitinsight-origin");
        GitCliAccess.run(dir, "init", "-q");
        for (int i = 1; i <= commits; i++) {
            Files.writeString(dir.resolve("file" + i + ".txt"), "line " + i + "\n");
            GitCliAccess.run(dir, "add", "-A");
            GitCliAccess.run(dir, "commit", "-q", "-m", "commit " + i);
        }
        return dir;
    }

    static void stubRepository(String owner, String name, Path origin, int openIssuesCount) throws Exception {
        stubRepository(owner, name, origin.toUri().toString(), openIssuesCount, null);
    }

    /**
     * The repository's REST answers; with {@code authorization}, only requests carrying that header are
     * answered (the others get WireMock's 404, as GitHub answers for a private repository).
     */
    static void stubRepository(String owner, String name, String cloneUrl, int openIssuesCount, String authorization)
            throws Exception {
        String repo = "/repos/" + owner + "/" + name;
        ObjectNode metadata = (ObjectNode) fixture("get_repos_OWNER_REPO.json");
        metadata.put("clone_url", cloneUrl).put("default_branch", "main").put("open_issues_count", openIssuesCount);
        ArrayNode issues = (ArrayNode) fixture("get_repos_OWNER_REPO_issues.json");
        ObjectNode plainIssue = issues.get(0).deepCopy();
        plainIssue.remove("pull_request");
        plainIssue.put("number", 1348);
        issues.add(plainIssue);
        long deploymentId = fixture("get_repos_OWNER_REPO_deployments.json").get(0).get("id").asLong();
        stub(repo, metadata.toString(), authorization);
        stub(repo + "/languages", fixture("get_repos_OWNER_REPO_languages.json").toString(), authorization);
        stub(repo + "/pulls", fixture("get_repos_OWNER_REPO_pulls.json").toString(), authorization);
        stub(repo + "/pulls/1347/reviews", fixture("get_repos_OWNER_REPO_pulls_PULL_NUMBER_reviews.json").toString(),
                authorization);
        stub(repo + "/pulls/comments", fixture("get_repos_OWNER_REPO_pulls_PULL_NUMBER_comments.json").toString(),
                authorization);
        stub(repo + "/issues", issues.toString(), authorization);
        stub(repo + "/releases", fixture("get_repos_OWNER_REPO_releases.json").toString(), authorization);
        stub(repo + "/deployments", fixture("get_repos_OWNER_REPO_deployments.json").toString(), authorization);
        stub(repo + "/deployments/" + deploymentId + "/statuses",
                fixture("get_repos_OWNER_REPO_deployments_DEPLOYMENT_ID_statuses.json").toString(), authorization);
    }

    private static void stub(String path, String body, String authorization) {
        MappingBuilder stub = get(urlPathEqualTo(path));
        if (authorization != null) {
            stub = stub.withHeader("Authorization", equalTo(authorization));
        }
        GitHubFake.server.stubFor(stub.willReturn(okJson(body)));
    }

    static JsonNode fixture(String name) throws Exception {
        try (var in = SyncFixtures.class.getResourceAsStream("/github/" + name)) {
            return Json.mapper().readTree(in);
        }
    }
}
