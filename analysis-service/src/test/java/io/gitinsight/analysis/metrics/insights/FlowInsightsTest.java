package io.gitinsight.analysis.metrics.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.insights.InsightInputs.Comparison;

class FlowInsightsTest {

    private final ReviewBottleneck bottleneck = new ReviewBottleneck();
    private final CycleTimeRegression regression = new CycleTimeRegression();
    private final StalePullRequests stale = new StalePullRequests();

    @Test
    void aMedianPickupOverADayIsABottleneck() {
        Insight insight = bottleneck.evaluate(Scenarios.inputs().pickupHours(Scenarios.slowPickup()).build())
                .orElseThrow();

        // 31.5 h ≥ 24 h over 12 ≥ 5 PRs; confidence 12 / (12 + 10) = 0.545
        assertThat(insight.type()).isEqualTo("review_bottleneck");
        assertThat(insight.description()).isEqualTo("Pull requests merged in the last 90d waited a median of 31.5 "
                + "hours for a first review (12 PRs), up from 10.0 hours in the previous 90d (8 PRs).");
        assertThat(insight.confidence()).isEqualTo(0.545);
        assertThat(insight.data()).containsEntry("median_pickup_hours", 31.5)
                .containsEntry("previous_median_pickup_hours", 10.0);
    }

    @Test
    void aQuickPickupOrTooFewPullRequestsIsNoBottleneck() {
        assertThat(bottleneck.evaluate(Scenarios.inputs().pickupHours(new Comparison(23.9, 2.0, 40, 40)).build()))
                .isEmpty();
        assertThat(bottleneck.evaluate(Scenarios.inputs().pickupHours(new Comparison(30.0, null, 4, 0)).build()))
                .isEmpty();
    }

    @Test
    void aMuchLongerCycleTimeIsARegression() {
        Insight insight = regression.evaluate(Scenarios.inputs().cycleTimeHours(Scenarios.slowerCycleTime()).build())
                .orElseThrow();

        // 45 / 20 = 2.25 ≥ 1.5 and +25 h ≥ 8 h: (45 − 20) / 20 = 125% longer; confidence min(12, 9) = 9 → 9/19
        assertThat(insight.type()).isEqualTo("cycle_time_regression");
        assertThat(insight.description()).isEqualTo("The median cycle time rose from 20.0 hours (9 PRs in the "
                + "previous 90d) to 45.0 hours (12 PRs in the last 90d), 125% longer.");
        assertThat(insight.confidence()).isEqualTo(0.474);
        assertThat(insight.data()).containsEntry("change", 1.25);
    }

    @Test
    void smallOrRelativelyModestIncreasesAreNoRegression() {
        // doubled but only +2 h; +8 h but only 1.4×; enough growth but 4 PRs before
        assertThat(regression.evaluate(Scenarios.inputs().cycleTimeHours(new Comparison(4.0, 2.0, 12, 9)).build()))
                .isEmpty();
        assertThat(regression.evaluate(Scenarios.inputs().cycleTimeHours(new Comparison(28.0, 20.0, 12, 9)).build()))
                .isEmpty();
        assertThat(regression.evaluate(Scenarios.inputs().cycleTimeHours(new Comparison(45.0, 20.0, 12, 4)).build()))
                .isEmpty();
    }

    @Test
    void threeNonDraftPullRequestsWaitingOverAMonthAreStale() {
        Insight insight = stale.evaluate(Scenarios.inputs().openPullRequests(Scenarios.openPullRequests()).build())
                .orElseThrow();

        // at 06-01: #1 from 02-21 = 8 + 31 + 30 + 31 = 100 days, #5 from 04-01 = 61, #2 from 04-22 = 40; the draft
        // #3 and #4 (ready 05-20, 12 days) and #7 (7 days) are not stale; confidence 3 / (3 + 3) = 0.5
        assertThat(insight.type()).isEqualTo("stale_pull_requests");
        assertThat(insight.description()).isEqualTo("3 open pull requests have waited more than 30 days for a "
                + "decision; the oldest, #1 \"Add X\" by bob, is 100 days old.");
        assertThat(insight.confidence()).isEqualTo(0.5);
        List<Object> ages = ((List<?>) insight.data().get("pull_requests")).stream()
                .map(p -> ((Map<?, ?>) p).get("age_days")).map(Object.class::cast).toList();
        assertThat(ages).containsExactly(100L, 61L, 40L);
    }

    @Test
    void twoStalePullRequestsAreNotYetABacklog() {
        // without #2 only #1 and #5 are stale
        var open = Scenarios.openPullRequests().stream().filter(pr -> pr.number() != 2).toList();

        assertThat(stale.evaluate(Scenarios.inputs().openPullRequests(open).build())).isEmpty();
    }
}
