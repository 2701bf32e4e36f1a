package io.gitinsight.analysis.metrics.model;

import java.time.Instant;

/** A GitHub release. */
public record Release(long id, String tagName, String name, boolean draft, boolean prerelease, Instant createdAt,
        Instant publishedAt, String author) {
}
