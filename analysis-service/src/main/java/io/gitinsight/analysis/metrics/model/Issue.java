package io.gitinsight.analysis.metrics.model;

import java.time.Instant;

/** An issue (pull requests are not issues here). */
public record Issue(int number, String title, String author, String state, Instant createdAt, Instant closedAt,
        int comments) {
}
