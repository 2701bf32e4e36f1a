package io.gitinsight.query.domain;

import java.util.List;

/** {@code GET /repositories/{id}/trends}: what happened and what is forecast. */
public record Trend(String metric, String interval, List<TrendPoint> points, List<TrendPoint> forecast) {
}
