package io.gitinsight.analysis.metrics.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A trend with its forecast. The last bucket is usually still running at {@code until} (this week so far): it is
 * shown among the points but Holt's method is fitted on complete buckets only, since a half-filled bucket would
 * read as a sudden drop. The forecast starts at the first incomplete bucket — an estimate of where the running
 * bucket will end — or after the last point when all are complete. Fewer than {@link #MIN_POINTS_TO_FORECAST}
 * complete buckets give no forecast. A {@code cycle_time} series skips empty buckets, so its forecast steps are
 * steps of the series; its bucket times continue from the last complete bucket. Every metric here is a count or a
 * duration, so forecasts and their bounds are clamped at 0.
 */
public final class Trends {

    public static final int MIN_POINTS_TO_FORECAST = 4;

    private final TrendSeries series;

    public Trends(TrendSeries series) {
        this.series = series;
    }

    /** A default horizon: two weeks of days, two months of weeks, a quarter of months. */
    public static int defaultHorizon(Interval interval) {
        return switch (interval) {
            case DAY -> 14;
            case WEEK -> 8;
            case MONTH -> 3;
        };
    }

    public Trend trend(TrendMetric metric, Interval interval, Instant since, Instant until, int horizon) {
        List<TrendPoint> points = series.points(metric, interval, since, until);
        List<TrendPoint> complete = points.stream().filter(p -> !interval.next(p.t()).isAfter(until)).toList();
        List<ForecastPoint> forecast = new ArrayList<>();
        if (complete.size() >= MIN_POINTS_TO_FORECAST && horizon > 0) {
            double[] y = complete.stream().mapToDouble(TrendPoint::value).toArray();
            Instant t = interval.next(complete.get(complete.size() - 1).t());
            for (HoltForecast.Step step : HoltForecast.fit(y).forecast(horizon, true)) {
                forecast.add(new ForecastPoint(t, step.value(), step.low(), step.high()));
                t = interval.next(t);
            }
        }
        return new Trend(metric.wireName(), interval.wireName(), points, forecast);
    }
}
