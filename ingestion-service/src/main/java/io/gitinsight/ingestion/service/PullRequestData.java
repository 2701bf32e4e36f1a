package io.gitinsight.ingestion.service;

import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;

/** Pull requests in GitHub's REST shape, and their reviews and review comments in one list. */
record PullRequestData(List<JsonNode> pullRequests, List<JsonNode> reviews) {
}
