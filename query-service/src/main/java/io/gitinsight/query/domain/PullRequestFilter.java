package io.gitinsight.query.domain;

/** {@code ?state=open|closed|merged&author=}; both optional, the author matched case-insensitively. */
public record PullRequestFilter(String state, String author) {
}
