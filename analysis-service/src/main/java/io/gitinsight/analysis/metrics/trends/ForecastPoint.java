package io.gitinsight.analysis.metrics.trends;

import java.time.Instant;

/** A forecast bucket with its 95% prediction interval {@code [low, high]}. */
public record ForecastPoint(Instant t, double value, double low, double high) {
}
