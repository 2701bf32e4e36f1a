package io.gitinsight.analysis.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.Issue;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Release;
import io.gitinsight.analysis.metrics.model.Review;
import io.gitinsight.model.events.DataIngested;

/** The records of one batch, read into the engine's model. */
record RecordsOfBatch(List<Commit> commits, List<PullRequest> pullRequests, List<Review> reviews, List<Issue> issues,
        List<Deployment> deployments, List<Release> releases) {

    static RecordsOfBatch of(DataIngested batch) {
        return new RecordsOfBatch(map(batch.commits(), IngestedRecords::commit),
                map(batch.pullRequests(), IngestedRecords::pullRequest), map(batch.reviews(), IngestedRecords::review),
                map(batch.issues(), IngestedRecords::issue), map(batch.deployments(), IngestedRecords::deployment),
                map(batch.releases(), IngestedRecords::release));
    }

    int size() {
        return commits.size() + pullRequests.size() + reviews.size() + issues.size() + deployments.size()
                + releases.size();
    }

    private static <T> List<T> map(List<JsonNode> nodes, java.util.function.Function<JsonNode, T> reader) {
        return nodes.stream().map(reader).toList();
    }
}
