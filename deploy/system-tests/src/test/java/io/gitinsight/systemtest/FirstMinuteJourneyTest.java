package io.gitinsight.systemtest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.platform.Commands;
import io.gitinsight.systemtest.platform.Platform;
import io.gitinsight.systemtest.platform.PlatformExtension;

/**
 * The newcomer's first minute: what {@code deploy/local/up.sh} runs once the platform is up,
 * {@code deploy/local/first-minute.py} with no argument, analyzes this project's own git history through
 * the gateway, draws its progress, and prints the headline metrics (the commit count the git CLI gives),
 * the insights and URLs that answer. Run again, it finds the repository tracked and analyzes it anew.
 */
@Order(9)
@ExtendWith(PlatformExtension.class)
class FirstMinuteJourneyTest {

    private static final Pattern BAR = Pattern.compile("\\[([#.]{30})\\]\\s+(\\d+)%");
    private static final Pattern ANALYZING = Pattern.compile("Analyzing (\\S+) \\(this project's own history\\)");
    private static final Pattern COMMITS = Pattern.compile("^  commits\\s+([\\d,]+)", Pattern.MULTILINE);
    private static final Pattern URL = Pattern.compile("^  [a-zA-Z ]+?\\s+(http\\S+)$", Pattern.MULTILINE);

    @Test
    void theRunCommandAnalyzesThisProjectsHistoryAndPrintsWhatToExplore(World world) throws Exception {
        Platform platform = world.platform();
        Path runDir = Files.createTempDirectory(platform.work(), "run");

        String printed = firstMinute(platform, runDir);
        System.out.println("What deploy/local/first-minute.py printed:\n" + printed);

        List<Integer> progress = new ArrayList<>();
        Matcher bar = BAR.matcher(printed);
        while (bar.find()) {
            progress.add(Integer.parseInt(bar.group(2)));
        }
        assertThat(progress).as(printed).isNotEmpty().isSorted().last().isEqualTo(100);
        assertThat(printed).contains("analyzed in ");
        Matcher analyzing = ANALYZING.matcher(printed);
        assertThat(analyzing.find()).as(printed).isTrue();
        String fullName = analyzing.group(1);

        long gitCommits = Long.parseLong(Commands.run(Duration.ofSeconds(30), "git", "-C", platform.root().toString(),
                "rev-list", "--count", "HEAD").trim());
        Matcher commits = COMMITS.matcher(printed);
        assertThat(commits.find()).as(printed).isTrue();
        assertThat(Long.parseLong(commits.group(1).replace(",", ""))).isEqualTo(gitCommits);

        JsonNode repository = tracked(world, fullName);
        String id = repository.path("id").asText();
        JsonNode metrics = world.api().get("/repositories/" + id + "/metrics?window=all", Caller.GUEST).json();
        assertThat(metrics.path("commit_count").asLong()).isEqualTo(gitCommits);
        assertThat(printed).contains("lines of code  " + String.format("%10s", String.format("%,d",
                metrics.path("loc").asLong())));
        JsonNode insights = world.api().get("/repositories/" + id + "/insights?page_size=10", Caller.GUEST).json()
                .path("data");
        if (insights.isEmpty()) {
            assertThat(printed).contains("Insights: none yet");
        } else {
            assertThat(printed).contains("Insights (" + insights.size() + "):");
            insights.forEach(insight -> assertThat(printed).contains(insight.path("title").asText()));
        }

        // every URL to explore answers, and the operator's token is there for the writes
        Matcher urls = URL.matcher(printed);
        int explored = 0;
        while (urls.find()) {
            assertThat(world.api().get(urls.group(1), Caller.GUEST).status()).as(urls.group(1)).isEqualTo(200);
            explored++;
        }
        assertThat(explored).isGreaterThanOrEqualTo(8);
        assertThat(printed).contains("/api/v1/stream/repository/" + id + "/updates");
        Path token = runDir.resolve("operator.token");
        assertThat(Files.getPosixFilePermissions(token)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ,
                PosixFilePermission.OWNER_WRITE);
        JsonNode me = world.api().get("/auth/me", Caller.bearer("operator", Files.readString(token).trim())).json();
        assertThat(me.path("username").asText()).isEqualTo("local-operator");
        assertThat(me.path("role").asText()).isEqualTo("admin");

        // up.sh run a second time: the repository is tracked already, and analyzed again
        String again = firstMinute(platform, runDir);
        assertThat(again).contains("Analyzing " + fullName).contains("analyzed in ");
        assertThat(tracked(world, fullName).path("id").asText()).isEqualTo(id);
    }

    @Test
    void refusesWhatItCannotAnalyzeWithAUsageError(World world) throws Exception {
        Path runDir = Files.createTempDirectory(world.platform().work(), "run");

        assertThat(usageError(world.platform(), runDir, "no-such-thing::")).contains("is neither owner/name");
        // a GitHub repository needs GITHUB_TOKEN (and a network), which the tests never have
        assertThat(usageError(world.platform(), runDir, "octocat/Hello-World")).contains("needs GITHUB_TOKEN");
    }

    private static String usageError(Platform platform, Path runDir, String repository) throws Exception {
        try {
            firstMinute(platform, runDir, repository);
        } catch (java.io.IOException e) {
            assertThat(e.getMessage()).contains("exited 2");
            return e.getMessage();
        }
        throw new AssertionError("first-minute.py " + repository + " did not fail");
    }

    private static String firstMinute(Platform platform, Path runDir, String... repository) throws Exception {
        List<String> command = new ArrayList<>(List.of("python3", "deploy/local/first-minute.py"));
        command.addAll(List.of(repository));
        return Commands.run(platform.root(), Map.of("GATEWAY_URL", platform.gatewayUrl(), "AUTH_URL",
                platform.service(Platform.AUTH).url(), "INTERNAL_SERVICE_TOKEN", platform.internalToken(), "RUN_DIR",
                runDir.toString(), "GITHUB_TOKEN", ""), Duration.ofMinutes(5), command);
    }

    private static JsonNode tracked(World world, String fullName) {
        for (JsonNode repository : world.api().get("/repositories?page_size=100", Caller.GUEST).json().path("data")) {
            if (repository.path("full_name").asText().equals(fullName)) {
                return repository;
            }
        }
        throw new AssertionError(fullName + " is not among the tracked repositories");
    }
}
