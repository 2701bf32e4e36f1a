package io.gitinsight.ingestion.service;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.model.events.DataIngested;

/** The items of one {@code github.data.ingested} message; {@link #split} cuts a job's data into them. */
record BatchItems(JsonNode repository, JsonNode tree, List<JsonNode> commits, List<JsonNode> pullRequests,
        List<JsonNode> reviews,
        List<JsonNode> issues, List<JsonNode> deployments, List<JsonNode> releases) {

    int size() {
        return commits.size() + pullRequests.size() + reviews.size() + issues.size() + deployments.size()
                + releases.size();
    }

    DataIngested toEvent(UUID jobId, UUID repositoryId, int number, int count) {
        return new DataIngested(jobId, repositoryId, number, count, repository, tree, commits, pullRequests, reviews, issues,
                deployments, releases);
    }

    /**
     * Cuts everything into batches of at most {@code size} items, kinds in a fixed order; the repository
     * and the tip tree ride on the first batch (the tree on every run, incremental ones too: it is the tip's); there is always
     * at least one batch, so an empty sync is still delivered.
     */
    static List<BatchItems> split(JsonNode repository, JsonNode tree, List<JsonNode> commits,
            GitHubCollector.Collected collected, int size) {
        List<List<JsonNode>> kinds = List.of(commits, collected == null ? List.of() : collected.pullRequests(),
                collected == null ? List.of() : collected.reviews(), collected == null ? List.of() : collected.issues(),
                collected == null ? List.of() : collected.deployments(),
                collected == null ? List.of() : collected.releases());
        List<BatchItems> batches = new ArrayList<>();
        List<List<JsonNode>> current = empty();
        int filled = 0;
        for (int kind = 0; kind < kinds.size(); kind++) {
            for (JsonNode item : kinds.get(kind)) {
                if (filled == size) {
                    batches.add(of(batches.isEmpty(), repository, tree, current));
                    current = empty();
                    filled = 0;
                }
                current.get(kind).add(item);
                filled++;
            }
        }
        batches.add(of(batches.isEmpty(), repository, tree, current));
        return batches;
    }

    private static List<List<JsonNode>> empty() {
        List<List<JsonNode>> lists = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            lists.add(new ArrayList<>());
        }
        return lists;
    }

    private static BatchItems of(boolean first, JsonNode repository, JsonNode tree, List<List<JsonNode>> lists) {
        return new BatchItems(first ? repository : null, first ? tree : null, lists.get(0), lists.get(1), lists.get(2),
                lists.get(3), lists.get(4),
                lists.get(5));
    }
}
