package io.gitinsight.query.domain;

import java.time.Instant;

/** One row of {@code analysis.metric_snapshots}: the contract's metrics object as analysis wrote it. */
public record Snapshot(String window, Instant computedAt, String metricsJson) {
}
