package io.gitinsight.analysis.metrics.trends;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;

class TrendsTest {

    /** 1, 2, 3, 4 commits in the weeks of 03-02, 03-09, 03-16, 03-23, and 1 so far in the week of 03-30. */
    private final Trends trends = new Trends(new TrendSeries(weekly(1, 2, 3, 4, 1), List.of()));

    @Test
    void theRunningBucketIsShownButTheForecastIsFittedOnCompleteOnes() {
        Trend trend = trends.trend(TrendMetric.COMMITS, Interval.WEEK, at("2026-03-02T00:00"),
                at("2026-04-01T12:00"), 2);

        // points include the running week (1 so far); the fit sees 1 2 3 4, a line, so the week of 03-30 is
        // forecast at 5 and the next at 6, with no spread
        assertThat(trend.metric()).isEqualTo("commits");
        assertThat(trend.interval()).isEqualTo("week");
        assertThat(trend.points()).extracting(TrendPoint::value).containsExactly(1.0, 2.0, 3.0, 4.0, 1.0);
        assertThat(trend.forecast()).extracting(ForecastPoint::t).containsExactly(at("2026-03-30T00:00"),
                at("2026-04-06T00:00"));
        assertThat(trend.forecast().get(0).value()).isCloseTo(5, within(1e-9));
        assertThat(trend.forecast().get(1).value()).isCloseTo(6, within(1e-9));
        assertThat(trend.forecast().get(1).high() - trend.forecast().get(1).low()).isLessThan(1e-6);
    }

    @Test
    void whenEveryBucketIsCompleteTheForecastStartsAfterTheLast() {
        Trend trend = trends.trend(TrendMetric.COMMITS, Interval.WEEK, at("2026-03-02T00:00"),
                at("2026-03-30T00:00"), 1);

        assertThat(trend.points()).hasSize(4);
        assertThat(trend.forecast()).extracting(ForecastPoint::t).containsExactly(at("2026-03-30T00:00"));
    }

    @Test
    void fewerThanFourCompleteBucketsGiveNoForecast() {
        Trend trend = trends.trend(TrendMetric.COMMITS, Interval.WEEK, at("2026-03-02T00:00"),
                at("2026-03-26T00:00"), 3);

        // complete: weeks of 03-02, 03-09, 03-16; the week of 03-23 runs to 03-30
        assertThat(trend.points()).hasSize(4);
        assertThat(trend.forecast()).isEmpty();
    }

    private static List<Commit> weekly(int... counts) {
        List<Commit> commits = new ArrayList<>();
        for (int week = 0; week < counts.length; week++) {
            for (int i = 0; i < counts[week]; i++) {
                String day = String.format("2026-03-%02dT%02d:00", 2 + 7 * week, 8 + i);
                commits.add(commit("w" + week + "c" + i).authored(day).build());
            }
        }
        return commits;
    }
}
