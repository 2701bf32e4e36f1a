package io.gitinsight.systemtest;

import static io.gitinsight.systemtest.AnalysisJourneyTest.find;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.ApiResponse;
import io.gitinsight.systemtest.github.GitFigures;
import io.gitinsight.systemtest.github.GitPeople;
import io.gitinsight.systemtest.platform.PlatformExtension;

/**
 * Journey 2, second half: the analyzed repository read back through every read path a client has — pull
 * requests, insights, trends, the Redis-backed fast paths and the overview — each set against the git CLI,
 * GitHub's example data the fake served, or another endpoint's figure.
 */
@Order(3)
@ExtendWith(PlatformExtension.class)
class AnalysisReadsTest {

    @Test
    void thePullRequestsAreTheOnesGitHubListed(World world) {
        Analyses.Analyzed main = world.mainRepository();

        JsonNode pulls = world.api().get("/repositories/" + main.repositoryId() + "/pulls", world.reader()).json();

        assertThat(pulls.path("pagination").path("total").asInt()).isEqualTo(world.mainStubs().pullNumbers().size());
        JsonNode example = find(pulls.path("data"), "number", "1347");
        assertThat(example.path("title").asText()).isEqualTo("Amazing new feature");
        assertThat(example.path("author").asText()).isEqualTo("octocat");
        // GitHub's example lists it with a merged_at: merged, in the whole history's window
        assertThat(example.path("state").asText()).isEqualTo("merged");
        assertThat(main.metrics().path("pull_requests").path("merged").asInt()).isEqualTo(1);
        assertThat(main.metrics().path("pull_requests").path("opened").asInt()).isEqualTo(1);
    }

    @Test
    void oneAuthorOfMostFilesIsReportedAsABusFactorRisk(World world) throws Exception {
        Analyses.Analyzed main = world.mainRepository();

        ApiResponse insights = world.api().get("/repositories/" + main.repositoryId() + "/insights", world.reader());

        assertThat(insights.status()).as(insights.describe()).isEqualTo(200);
        JsonNode risk = find(insights.json().path("data"), "type", "bus_factor_risk");
        assertThat(risk.path("repository_id").asText()).isEqualTo(main.repositoryId());
        assertThat(risk.path("confidence_score").asDouble()).isBetween(0.0, 1.0);
        assertThat(risk.path("data").path("bus_factor").asInt()).isEqualTo(main.metrics().path("bus_factor").asInt());
        // Ada authored 10 of the 13 files at the tip (README, App.java, the eight notes): without her only 3 of 13
        // (helpers.py, stats.py, logo.png) keep an author, fewer than half, so removing one person is enough
        assertThat(main.metrics().path("bus_factor").asInt()).isEqualTo(1);
        assertThat(risk.path("data").path("files").asLong()).isEqualTo(new GitPeople(world.origin()).filesAtTip());
    }

    @Test
    void theWeeklyCommitTrendBucketsTheGitHistory(World world) throws Exception {
        String id = world.mainRepository().repositoryId();

        JsonNode trend = world.api().get("/repositories/" + id + "/trends?metric=commits&interval=week", world.reader()).json();

        Map<LocalDate, Long> served = new TreeMap<>();
        trend.path("points").forEach(p -> {
            if (p.path("value").asDouble() > 0) {
                served.put(LocalDate.ofInstant(Instant.parse(p.path("t").asText()), ZoneOffset.UTC),
                        Math.round(p.path("value").asDouble()));
            }
        });
        assertThat(served).isEqualTo(new GitPeople(world.origin()).commitsPerWeek());
        assertThat(trend.path("forecast").size()).isPositive();
    }

    @Test
    void theFastPathsServeTheSameNumbers(World world) throws Exception {
        Analyses.Analyzed main = world.mainRepository();
        long commits = GitFigures.of(world.origin()).commitCount();

        JsonNode summary = world.api().get("/fast/repositories/" + main.repositoryId() + "/summary", world.reader()).json();
        assertThat(summary.path("repository").path("full_name").asText()).isEqualTo(main.fullName());
        assertThat(summary.path("metrics").path("commit_count").asLong()).isEqualTo(commits);
        assertThat(summary.path("insights").path("total").asInt()).isPositive();

        JsonNode search = world.api().get("/fast/search?q=hello", world.reader()).json();
        assertThat(search.path("data").get(0).path("id").asText()).isEqualTo(main.repositoryId());

        // the git figures of every window cover the whole history (CONTRACT §4)
        JsonNode board = world.api().get("/fast/leaderboard?metric=commits&window=30d", world.reader()).json();
        assertThat(find(board.path("data"), "repository_id", main.repositoryId()).path("value").asLong()).isEqualTo(commits);

        // the last 7 UTC days (today included) against the 7 before
        LocalDate tomorrow = LocalDate.now(ZoneOffset.UTC).plusDays(1);
        Instant end = tomorrow.atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant start = tomorrow.minusDays(7).atStartOfDay(ZoneOffset.UTC).toInstant();
        Instant before = tomorrow.minusDays(14).atStartOfDay(ZoneOffset.UTC).toInstant();
        GitPeople git = new GitPeople(world.origin());
        assertThat(git.commitsBetween(start, end)).isGreaterThan(git.commitsBetween(before, start));
        JsonNode trending = world.api().get("/fast/trending?window=7d", world.reader()).json();
        assertThat(trending.path("data").toString()).contains(main.repositoryId());
    }

    @Test
    void theOverviewAddsUpEveryTrackedRepository(World world) {
        world.mainRepository();
        JsonNode repositories = world.api().get("/repositories?page_size=100", world.reader()).json().path("data");
        long commits = 0;
        long loc = 0;
        for (JsonNode repository : repositories) {
            JsonNode metrics = new Analyses(world).metrics(repository.path("id").asText());
            commits += metrics.path("commit_count").asLong();
            loc += metrics.path("loc").asLong();
        }

        JsonNode overview = world.api().get("/metrics/overview", world.reader()).json();

        assertThat(overview.path("totals").path("repositories").asInt()).isEqualTo(repositories.size());
        assertThat(overview.path("totals").path("commits").asLong()).isEqualTo(commits);
        assertThat(overview.path("totals").path("loc").asLong()).isEqualTo(loc);
        assertThat(overview.path("most_active").toString()).contains(world.mainRepository().repositoryId());
    }
}
