package io.gitinsight.analysis.metrics.trends;

import java.util.List;

/** The trends answer (CONTRACT §2): {@code metric} and {@code interval} in their wire names. */
public record Trend(String metric, String interval, List<TrendPoint> points, List<ForecastPoint> forecast) {

    public Trend {
        points = List.copyOf(points);
        forecast = List.copyOf(forecast);
    }
}
