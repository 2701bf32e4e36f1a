package io.gitinsight.ingestion.client;

import java.util.Optional;

import com.fasterxml.jackson.databind.JsonNode;

/** A GitHub answer: the body (from the cache on a 304), and the next page when there is one. */
public record GitHubResponse(int status, JsonNode body, Optional<String> next, boolean notModified) {
}
