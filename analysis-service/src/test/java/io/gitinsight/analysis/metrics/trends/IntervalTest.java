package io.gitinsight.analysis.metrics.trends;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class IntervalTest {

    @Test
    void daysAreUtcCalendarDays() {
        assertThat(Interval.DAY.bucketStart(at("2026-03-01T23:59:59"))).isEqualTo(at("2026-03-01T00:00"));
        assertThat(Interval.DAY.bucketStart(at("2026-03-02T00:00"))).isEqualTo(at("2026-03-02T00:00"));
        assertThat(Interval.DAY.next(at("2026-02-28T00:00"))).isEqualTo(at("2026-03-01T00:00"));
    }

    @Test
    void weeksStartOnMonday() {
        // 2026-03-01 is a Sunday: its week began on Monday 02-23; Monday 03-02 starts the next one
        assertThat(Interval.WEEK.bucketStart(at("2026-03-01T23:59:59"))).isEqualTo(at("2026-02-23T00:00"));
        assertThat(Interval.WEEK.bucketStart(at("2026-03-02T00:00"))).isEqualTo(at("2026-03-02T00:00"));
        assertThat(Interval.WEEK.next(at("2026-12-28T00:00"))).isEqualTo(at("2027-01-04T00:00"));
    }

    @Test
    void monthsStartOnTheFirst() {
        assertThat(Interval.MONTH.bucketStart(at("2026-03-31T23:59:59"))).isEqualTo(at("2026-03-01T00:00"));
        assertThat(Interval.MONTH.bucketStart(at("2026-04-01T00:00"))).isEqualTo(at("2026-04-01T00:00"));
        assertThat(Interval.MONTH.next(at("2026-01-01T00:00"))).isEqualTo(at("2026-02-01T00:00"));
    }

    @Test
    void namesAreTheApisAndAnUnknownOneIsRefused() {
        assertThat(Interval.parse("week")).isEqualTo(Interval.WEEK);
        assertThat(TrendMetric.parse("prs_merged")).isEqualTo(TrendMetric.PRS_MERGED);
        assertThatThrownBy(() -> Interval.parse("hour")).hasMessage("unknown interval 'hour': day, week or month");
        assertThatThrownBy(() -> TrendMetric.parse("stars")).hasMessageContaining("unknown metric 'stars'");
    }
}
