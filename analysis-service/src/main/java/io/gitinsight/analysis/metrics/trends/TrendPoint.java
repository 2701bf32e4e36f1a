package io.gitinsight.analysis.metrics.trends;

import java.time.Instant;

/** One bucket of a trend: {@code t} is the bucket's start. */
public record TrendPoint(Instant t, double value) {
}
