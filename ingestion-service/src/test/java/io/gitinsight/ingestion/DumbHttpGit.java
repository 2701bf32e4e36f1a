package io.gitinsight.ingestion;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.regex.Pattern;

import io.gitinsight.ingestion.git.GitCliAccess;

/**
 * A private git repository served over git's "dumb" HTTP protocol (plain files, which WireMock can serve)
 * behind HTTP basic authentication, as GitHub serves private repositories: without the right credential
 * every path answers 401 with a challenge, so a client that clones it has sent the credential.
 */
final class DumbHttpGit {

    private DumbHttpGit() {
    }

    static String basic(String user, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
    }

    /** Serves a bare copy of {@code origin} under {@code path} (e.g. {@code /acme/x.git}); answers its URL. */
    static String serve(Path origin, String path, String authorization) throws Exception {
        Path bare = Files.createTempDirectory("gitinsight-served").resolve("repo.git");
        GitCliAccess.run(origin, "clone", "-q", "--bare", origin.toString(), bare.toString());
        GitCliAccess.run(bare, "update-server-info");
        List<Path> files;
        try (var walk = Files.walk(bare)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        for (Path file : files) {
            String relative = bare.relativize(file).toString().replace('\\', '/');
            GitHubFake.server.stubFor(get(urlPathEqualTo(path + "/" + relative)).atPriority(1)
                    .withHeader("Authorization", equalTo(authorization))
                    .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/octet-stream")
                            .withBody(Files.readAllBytes(file))));
        }
        String any = Pattern.quote(path) + "/.*";
        GitHubFake.server.stubFor(get(urlPathMatching(any)).atPriority(2).withHeader("Authorization", equalTo(authorization))
                .willReturn(aResponse().withStatus(404)));
        GitHubFake.server.stubFor(get(urlPathMatching(any)).atPriority(3)
                .willReturn(aResponse().withStatus(401).withHeader("WWW-Authenticate", "Basic realm=\"GitHub\"")));
        return GitHubFake.server.baseUrl() + path;
    }
}
