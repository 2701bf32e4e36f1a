package io.gitinsight.query.domain;

/** {@code GET /repositories}: text in name or description, language, and order. */
public record RepositoryFilter(String q, String language, RepositorySort sort) {
}
