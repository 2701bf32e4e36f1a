package io.gitinsight.ingestion;

import static io.gitinsight.ingestion.service.GraphQLAnswers.comment;
import static io.gitinsight.ingestion.service.GraphQLAnswers.commit;
import static io.gitinsight.ingestion.service.GraphQLAnswers.connection;
import static io.gitinsight.ingestion.service.GraphQLAnswers.ok;
import static io.gitinsight.ingestion.service.GraphQLAnswers.pullRequest;
import static io.gitinsight.ingestion.service.GraphQLAnswers.pullRequestsPage;
import static io.gitinsight.ingestion.service.GraphQLAnswers.review;
import static io.gitinsight.ingestion.service.GraphQLAnswers.stubFirstPage;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.events.AnalysisProgress;
import io.gitinsight.model.events.AnalysisRequested;
import io.gitinsight.model.events.DataIngested;
import io.gitinsight.model.events.EventEnvelope;
import io.gitinsight.model.events.EventType;
import io.gitinsight.testkit.BrokerProbe;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;

/** Whole syncs whose pull requests come from GraphQL, read back from the real exchange. */
@QuarkusTest
@QuarkusTestResource(GitHubFake.class)
class GraphQLSyncJobTest {

    @Test
    void publishesPullRequestsWithTheirCommitsReviewsAndComments() throws Exception {
        String name = "graphql-" + UUID.randomUUID();
        // GitHub's open_issues_count: the fixture's 1 open issue + pull request #1, open
        SyncFixtures.stubRepository("acme", name, SyncFixtures.gitRepository(1), 2);
        stubFirstPage(name, null, ok(pullRequestsPage(2, null, 3, pullRequest(1),
                pullRequest(2).merged("2026-03-05T08:00:00Z", "e".repeat(40))
                        .commits(1, null, commit("f".repeat(40), "2026-02-28T16:00:00Z"))
                        .reviews(1, null, review("R_2", 21, "carol", "APPROVED", "2026-03-04T09:00:00Z",
                                connection(1, null, comment(2101, "carol", "2026-03-04T08:55:00Z", "SUBMITTED")))))));
        UUID job = UUID.randomUUID();

        try (BrokerProbe data = BrokerProbe.bind("github.data.ingested");
                BrokerProbe progress = BrokerProbe.bind("repository.analysis.progress")) {
            data.publish(request(job, name));
            List<DataIngested> batches = SyncJobTest.batchesOf(data, job);
            List<AnalysisProgress> stages = SyncJobTest.progressOf(progress, job, "ingested");

            List<JsonNode> pulls = batches.stream().flatMap(b -> b.pullRequests().stream()).toList();
            List<JsonNode> reviews = batches.stream().flatMap(b -> b.reviews().stream()).toList();
            assertThat(pulls).extracting(p -> p.get("number").asInt()).containsExactly(1, 2);
            assertThat(pulls.get(1).get("pr_commits").get(0).get("sha").asText()).isEqualTo("f".repeat(40));
            assertThat(pulls.get(1).get("merge_commit_sha").asText()).isEqualTo("e".repeat(40));
            assertThat(reviews).extracting(r -> r.get("kind").asText() + " " + r.get("id").asLong())
                    .containsExactly("review 21", "comment 2101");
            // one GraphQL request, stated to cost 3 points
            assertThat(stages.get(stages.size() - 1).github()).containsEntry("graphql_requests", 1L)
                    .containsEntry("graphql_cost", 3L);
        }
    }

    @Test
    void failsTheJobWhenGraphQLCountsMorePullRequestsThanItReturned() throws Exception {
        String name = "graphql-gap-" + UUID.randomUUID();
        SyncFixtures.stubRepository("acme", name, SyncFixtures.gitRepository(1), 3);
        stubFirstPage(name, null, ok(pullRequestsPage(3, null, 1, pullRequest(1), pullRequest(2))));
        UUID job = UUID.randomUUID();

        try (BrokerProbe progress = BrokerProbe.bind("repository.analysis.progress")) {
            progress.publish(request(job, name));

            List<AnalysisProgress> stages = SyncJobTest.progressOf(progress, job, "failed");

            assertThat(stages.get(stages.size() - 1).errorMessage()).isEqualTo("incomplete data for acme/" + name
                    + ": GitHub counts 3 pull requests, GraphQL returned 2");
        }
    }

    private static EventEnvelope request(UUID job, String name) {
        UUID repository = UUID.randomUUID();
        return EventEnvelope.of(EventType.REPOSITORY_ANALYSIS_REQUESTED, "corr", repository,
                new AnalysisRequested(job, repository, "acme/" + name, null, null, null));
    }
}
