package io.gitinsight.model.events;

import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * {@code github.data.ingested}: batch {@code batchNumber} of {@code batchCount} (1-based) of what one
 * sync job collected. {@code repository} (GitHub's metadata and languages, null for a plain git remote)
 * and {@code tree} (the files at the branch tip: {@code {branch, head_sha, full_history, files: [{path,
 * language, bytes, code, comments, blanks}]}}, what LOC and the truck factor are computed from;
 * {@code full_history}: the job's commits are the branch's whole history, not only those since the
 * previous sync, so commits it does not hold are no longer in the history) ride on batch 1; each list holds normalized
 * records of one kind; a consumer knows the job is fully
 * delivered when it has seen every batch number up to {@code batchCount}.
 */
public record DataIngested(UUID jobId, UUID repositoryId, int batchNumber, int batchCount, JsonNode repository, JsonNode tree,
        List<JsonNode> commits,
        List<JsonNode> pullRequests, List<JsonNode> reviews, List<JsonNode> issues, List<JsonNode> deployments,
        List<JsonNode> releases) {

    public DataIngested {
        if (batchNumber < 1 || batchNumber > batchCount) {
            throw new IllegalArgumentException("batch " + batchNumber + " of " + batchCount);
        }
        repository = repository == null || repository.isNull() ? null : repository;
        tree = tree == null || tree.isNull() ? null : tree;
        commits = nonNull(commits);
        pullRequests = nonNull(pullRequests);
        reviews = nonNull(reviews);
        issues = nonNull(issues);
        deployments = nonNull(deployments);
        releases = nonNull(releases);
    }

    public boolean isLast() {
        return batchNumber == batchCount;
    }

    private static List<JsonNode> nonNull(List<JsonNode> items) {
        return items == null ? List.of() : List.copyOf(items);
    }
}
