package io.gitinsight.systemtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.client.Caller;
import io.gitinsight.systemtest.client.StreamClient;
import io.gitinsight.systemtest.github.GitFigures;
import io.gitinsight.systemtest.github.GitPeople;
import io.gitinsight.systemtest.github.Languages;
import io.gitinsight.systemtest.platform.PlatformExtension;

/**
 * Journey 2, first half: a user adds a GitHub repository and analyzes it while a WebSocket subscriber,
 * connected before, watches; then what the analysis found is read back and set against the git CLI run on
 * the very repository GitHub gave as the clone URL. (Journey 2's other reads: {@link AnalysisReadsTest}.)
 */
@Order(2)
@ExtendWith(PlatformExtension.class)
class AnalysisJourneyTest {

    @Test
    @Order(1)
    void anAnalysisStartedThroughTheGatewayIsFollowedLiveToItsCompletion(World world) throws Exception {
        Analyses analyses = new Analyses(world);
        Caller alice = world.alice().caller();

        JsonNode added = analyses.add(World.OWNER + "/" + World.MAIN, alice);
        assertThat(added.path("github_id").asLong()).isEqualTo(World.MAIN_GITHUB_ID);
        assertThat(added.path("clone_url").asText()).isEqualTo(world.origin().cloneUrl());
        assertThat(added.path("default_branch").asText()).isEqualTo("master");
        assertThat(added.path("analysis_status").asText()).isEqualTo("pending");
        String id = added.path("id").asText();

        try (StreamClient updates = StreamClient.open(world.platform().gatewayUrl(),
                "/stream/repository/" + id + "/updates", Caller.GUEST)) {
            JsonNode job = analyses.analyze(id, alice);
            assertThat(job.path("status").asText()).isEqualTo("queued");
            String jobId = job.path("id").asText();

            JsonNode completed = updates.await(m -> m.path("type").asText().equals("analysis.completed")
                    && m.path("data").path("job_id").asText().equals(jobId), Analyses.JOB_TIMEOUT);
            assertThat(completed.path("repository_id").asText()).isEqualTo(id);
            assertThat(completed.path("data").path("status").asText()).isEqualTo("completed");
            GitFigures git = GitFigures.of(world.origin());
            assertThat(completed.path("data").path("metrics").path("total_commits").asLong()).isEqualTo(git.commitCount());

            JsonNode insights = updates.await(m -> m.path("type").asText().equals("insights.generated"),
                    Duration.ofSeconds(10));
            List<JsonNode> received = updates.received();
            List<JsonNode> progress = received.subList(0, received.indexOf(completed)).stream()
                    .filter(m -> m.path("type").asText().equals("analysis.progress")
                            && m.path("data").path("job_id").asText().equals(jobId))
                    .toList();
            // the sync's stages (ingestion) and the computation's (analysis) both reached the subscriber
            assertThat(progress).extracting(m -> m.path("data").path("stage").asText()).contains("github", "analyzing");
            assertThat(progress).allSatisfy(m -> assertThat(m.path("data").path("progress").asInt()).isBetween(0, 100));
            assertThat(received.indexOf(insights)).isGreaterThan(received.indexOf(completed));

            JsonNode done = analyses.awaitJob(jobId);
            assertThat(done.path("progress").asInt()).isEqualTo(100);
            assertThat(done.path("completed_at").asText()).isNotEmpty();
            world.mainAnalyzed(new Analyses.Analyzed(id, World.OWNER + "/" + World.MAIN, done, analyses.metrics(id)));
        }
    }

    @Test
    @Order(2)
    void theGitFiguresAreTheOnesTheGitCliGivesForTheSameRepository(World world) throws Exception {
        JsonNode metrics = world.mainRepository().metrics();
        GitFigures git = GitFigures.of(world.origin());

        assertThat(metrics.path("window").asText()).isEqualTo("all");
        assertThat(metrics.path("commit_count").asLong()).isEqualTo(git.commitCount());
        assertThat(metrics.path("additions").asLong()).isEqualTo(git.additions());
        assertThat(metrics.path("deletions").asLong()).isEqualTo(git.deletions());
        assertThat(metrics.path("code_churn").asLong()).isEqualTo(git.additions() + git.deletions());
        assertThat(metrics.path("active_days").asLong()).isEqualTo(git.activeDays());
        assertThat(metrics.path("time_spent_minutes").asLong()).isEqualTo(git.timeSpentMinutes());

        // lines of code: within 5% of cloc, per language and in all
        JsonNode cloc = GitFigures.cloc(world.origin());
        assertThat(metrics.path("loc").asDouble()).isCloseTo(cloc.path("SUM").path("code").asDouble(),
                within(cloc.path("SUM").path("code").asDouble() * 0.05));
        metrics.path("loc_by_language").fields().forEachRemaining(language -> assertThat(language.getValue().asDouble())
                .as(language.getKey()).isCloseTo(cloc.path(language.getKey()).path("code").asDouble(),
                        within(cloc.path(language.getKey()).path("code").asDouble() * 0.05)));
        // GitHub's languages API (bytes) names the primary language
        String mostBytes = Languages.bytes(world.origin()).entrySet().stream()
                .max(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
        assertThat(metrics.path("primary_language").asText()).isEqualTo(mostBytes);

        // people: authors and co-authors, the bot left out
        assertThat(metrics.path("contributors").asLong()).isEqualTo(new GitPeople(world.origin()).commitsPerPerson().size());
    }

    @Test
    @Order(3)
    void eachContributorIsCreditedWithTheirCommitsAndLines(World world) throws Exception {
        String id = world.mainRepository().repositoryId();
        GitPeople git = new GitPeople(world.origin());
        var commits = git.commitsPerPerson();
        var lines = git.linesPerAuthor();
        long total = commits.values().stream().mapToLong(Long::longValue).sum();

        JsonNode contributors = world.api().get("/repositories/" + id + "/contributors", world.reader()).json();

        for (var person : commits.entrySet()) {
            JsonNode row = find(contributors, "login", person.getKey());
            assertThat(row.path("commits").asLong()).as(person.getKey()).isEqualTo(person.getValue());
            assertThat(row.path("share").asDouble()).as(person.getKey())
                    .isCloseTo(person.getValue() / (double) total, within(0.001));
            if (lines.containsKey(person.getKey())) {
                assertThat(row.path("additions").asLong()).isEqualTo(lines.get(person.getKey())[0]);
                assertThat(row.path("deletions").asLong()).isEqualTo(lines.get(person.getKey())[1]);
            }
        }
        assertThat(contributors.toString()).doesNotContain("[bot]");
        // the author of GitHub's example pull request is a contributor too, with no commits here
        assertThat(find(contributors, "login", "octocat").path("prs_opened").asInt()).isEqualTo(1);
    }

    static JsonNode find(JsonNode array, String field, String value) {
        for (JsonNode item : array) {
            if (item.path(field).asText().equals(value)) {
                return item;
            }
        }
        throw new AssertionError("no " + field + "=" + value + " in " + array);
    }
}
