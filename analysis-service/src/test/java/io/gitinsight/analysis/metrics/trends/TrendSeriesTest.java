package io.gitinsight.analysis.metrics.trends;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.pulls.PullRequestPhases;

class TrendSeriesTest {

    private static final Instant SINCE = at("2026-03-01T00:00");
    private static final Instant UNTIL = at("2026-04-01T00:00");

    private final List<Commit> commits = List.of(
            commit("a").authored("2026-03-01T23:30").by("alice@x.com").file("A.java", 10, 2).build(),
            // 01:00 at +02:00 is 03-01 23:00 UTC: Sunday, not Monday
            commit("b").authoredWithOffset("2026-03-02T01:00+02:00").by("Bob@x.com").file("B.java", 5, 5).build(),
            commit("c").authored("2026-03-02T00:00").by("alice@x.com").file("C.java", 1, 0).binary("logo.png")
                    .build(),
            commit("m").parents("c", "b").authored("2026-03-02T08:00").by("BOB@x.com").file("M.java", 100, 0)
                    .build(),
            commit("g").authored("2026-03-03T10:00").by("bob@x.com").file("G.java", 0, 4).build(),
            commit("d").authored("2026-03-04T12:00").by("carol@x.com").file("D.java", 3, 3).build(),
            commit("e").authored("2026-03-31T23:59").by("bob@x.com").file("E.java", 7, 0).build(),
            commit("f").authored("2026-04-01T00:00").by("dave@x.com").file("F.java", 50, 0).build());

    private final List<PullRequestPhases> pulls = List.of(merged(1, "2026-03-02T10:00", 10.0),
            merged(2, "2026-03-03T10:00", 20.0), merged(3, "2026-03-04T10:00", null),
            merged(4, "2026-03-20T10:00", 5.0),
            new PullRequestPhases(5, "alice", SINCE, null, null, null, null, null, null, null, null, null, null));

    private final TrendSeries series = new TrendSeries(commits, pulls);

    @Test
    void commitsFallInTheUtcDayOfTheirAuthorDate() {
        List<TrendPoint> days = series.points(TrendMetric.COMMITS, Interval.DAY, SINCE, UNTIL);

        // 03-01: a, b (23:00 UTC); 03-02: c, m; 03-03: g; 03-04: d; 03-31: e (f is at the end, excluded);
        // 31 buckets 03-01 … 03-31, the empty ones 0
        assertThat(days).hasSize(31);
        assertThat(days.subList(0, 5)).extracting(TrendPoint::value).containsExactly(2.0, 2.0, 1.0, 1.0, 0.0);
        assertThat(days.get(30)).isEqualTo(new TrendPoint(at("2026-03-31T00:00"), 1.0));
    }

    @Test
    void weeklyCountsChurnAndContributors() {
        // weeks from Monday 02-23 (holding 03-01) to 03-30: 02-23 {a b}, 03-02 {c m g d}, three empty, 03-30 {e}
        assertThat(series.points(TrendMetric.COMMITS, Interval.WEEK, SINCE, UNTIL))
                .extracting(TrendPoint::t, TrendPoint::value)
                .containsExactly(tuple(at("2026-02-23T00:00"), 2.0),
                        tuple(at("2026-03-02T00:00"), 4.0),
                        tuple(at("2026-03-09T00:00"), 0.0),
                        tuple(at("2026-03-16T00:00"), 0.0),
                        tuple(at("2026-03-23T00:00"), 0.0),
                        tuple(at("2026-03-30T00:00"), 1.0));
        // churn: a 12 + b 10 = 22; c 1 (the binary counts 0) + g 4 + d 6 = 11, the merge m not counted; e 7
        assertThat(series.points(TrendMetric.CHURN, Interval.WEEK, SINCE, UNTIL)).extracting(TrendPoint::value)
                .containsExactly(22.0, 11.0, 0.0, 0.0, 0.0, 7.0);
        // people by email ignoring case: {alice, bob}; {alice, bob (BOB@ and bob@), carol}; {bob}
        assertThat(series.points(TrendMetric.CONTRIBUTORS, Interval.WEEK, SINCE, UNTIL))
                .extracting(TrendPoint::value).containsExactly(2.0, 3.0, 0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void aPersonKeyFunctionDecidesWhoIsWho() {
        TrendSeries oneTeam = new TrendSeries(commits, pulls, c -> List.of("team"));

        assertThat(oneTeam.points(TrendMetric.CONTRIBUTORS, Interval.WEEK, SINCE, UNTIL))
                .extracting(TrendPoint::value).containsExactly(1.0, 1.0, 0.0, 0.0, 0.0, 1.0);
    }

    @Test
    void aMonthHoldsTheWholeMonth() {
        // a b c m g d e: 7 (f is April's)
        assertThat(series.points(TrendMetric.COMMITS, Interval.MONTH, SINCE, UNTIL))
                .containsExactly(new TrendPoint(at("2026-03-01T00:00"), 7.0));
    }

    @Test
    void mergedPullRequestsCountAndCycleTimeSkipsBucketsWithoutData() {
        // merged: week 03-02 #1 #2 #3, week 03-16 #4 (#5 is open)
        assertThat(series.points(TrendMetric.PRS_MERGED, Interval.WEEK, SINCE, UNTIL)).extracting(TrendPoint::value)
                .containsExactly(0.0, 3.0, 0.0, 1.0, 0.0, 0.0);
        // cycle time: week 03-02 median {10, 20} = 15 (#3 unknown), week 03-16 {5}; no point for the others
        assertThat(series.points(TrendMetric.CYCLE_TIME, Interval.WEEK, SINCE, UNTIL)).containsExactly(
                new TrendPoint(at("2026-03-02T00:00"), 15.0), new TrendPoint(at("2026-03-16T00:00"), 5.0));
    }

    @Test
    void withoutSinceTheSeriesStartsAtTheFirstDatum() {
        List<TrendPoint> weeks = series.points(TrendMetric.PRS_MERGED, Interval.WEEK, null, UNTIL);

        // first merge 03-02 → weeks 03-02 … 03-30
        assertThat(weeks).extracting(TrendPoint::value).containsExactly(3.0, 0.0, 1.0, 0.0, 0.0);
        assertThat(new TrendSeries(List.of(), List.of()).points(TrendMetric.COMMITS, Interval.DAY, null, UNTIL))
                .isEmpty();
    }

    private static PullRequestPhases merged(int number, String mergedAt, Double cycleHours) {
        return new PullRequestPhases(number, "alice", null, at(mergedAt), null, null, null, null, null, null, null,
                cycleHours, null);
    }
}
