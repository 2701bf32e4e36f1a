package io.gitinsight.analysis.metrics.insights;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.insights.InsightInputs.Comparison;

class DeliveryInsightsTest {

    private final ActivityTrend activity = new ActivityTrend();
    private final ChangeFailureSpike failures = new ChangeFailureSpike();
    private final ReleaseCadence releases = new ReleaseCadence();

    @Test
    void fallingCommitsAreADecline() {
        Insight insight = activity.evaluate(Scenarios.inputs().commits(Scenarios.fewerCommits()).build())
                .orElseThrow();

        // (33 − 60) / 60 = −45%; confidence 93 / (93 + 50) = 0.650
        assertThat(insight.type()).isEqualTo("activity_trend");
        assertThat(insight.title()).isEqualTo("Activity is declining");
        assertThat(insight.description()).isEqualTo("Commits fell 45% from 60 in the previous 90d to 33 in the last 90d.");
        assertThat(insight.confidence()).isEqualTo(0.65);
        assertThat(insight.data()).containsEntry("direction", "decline").containsEntry("change", -0.45);
    }

    @Test
    void commitsFromNothingAreGrowthWithoutAPercentage() {
        Insight insight = activity.evaluate(Scenarios.inputs().commits(new Comparison(25.0, 0.0, 25, 0)).build())
                .orElseThrow();

        // confidence 25 / 75 = 0.333
        assertThat(insight.description()).isEqualTo("Commits rose from 0 in the previous 90d to 25 in the last 90d.");
        assertThat(insight.confidence()).isEqualTo(0.333);
        assertThat(insight.data()).doesNotContainKey("change");
    }

    @Test
    void aSmallChangeOrASmallRepositoryIsNoTrend() {
        // +11%; 10 vs 3 commits is under 20
        assertThat(activity.evaluate(Scenarios.inputs().commits(new Comparison(50.0, 45.0, 50, 45)).build())).isEmpty();
        assertThat(activity.evaluate(Scenarios.inputs().commits(new Comparison(10.0, 3.0, 10, 3)).build())).isEmpty();
    }

    @Test
    void aJumpInTheChangeFailureRateIsASpike() {
        Insight insight = failures.evaluate(Scenarios.inputs().changeFailureRate(Scenarios.moreFailures()).build())
                .orElseThrow();

        // 40% ≥ 15% and +30 points ≥ 10; confidence min(10, 20) = 10 → 10 / 20 = 0.5
        assertThat(insight.type()).isEqualTo("change_failure_spike");
        assertThat(insight.description()).isEqualTo("The change failure rate rose to 40% of 10 production "
                + "deployments in the last 90d, from 10% of 20 in the previous 90d: more deployments failed or needed "
                + "a revert or hotfix.");
        assertThat(insight.confidence()).isEqualTo(0.5);
    }

    @Test
    void aSmallRiseALowRateOrFewDeploymentsIsNoSpike() {
        // +5 points; 12% is under 15%; 4 deployments
        assertThat(failures.evaluate(Scenarios.inputs().changeFailureRate(new Comparison(0.2, 0.15, 10, 20)).build()))
                .isEmpty();
        assertThat(failures.evaluate(Scenarios.inputs().changeFailureRate(new Comparison(0.12, 0.0, 25, 20)).build()))
                .isEmpty();
        assertThat(failures.evaluate(Scenarios.inputs().changeFailureRate(new Comparison(0.5, 0.1, 4, 20)).build()))
                .isEmpty();
    }

    @Test
    void noReleaseForMoreThanTwiceTheUsualGapIsOverdue() {
        Insight insight = releases.evaluate(InsightInputs.builder("90d", at("2026-04-15T00:00"))
                .releases(Scenarios.releasesEveryTwoWeeksUntilFebruary()).build()).orElseThrow();

        // the prerelease and the draft do not count; gaps 14, 14, 14 → median 14; 02-12 → 04-15 = 16 + 31 + 15 = 62
        // days > 2 × 14; confidence 3 gaps / (3 + 5) = 0.375
        assertThat(insight.type()).isEqualTo("release_cadence");
        assertThat(insight.description()).isEqualTo("No release for 62 days, while the last 4 releases came a median "
                + "of 14.0 days apart; the latest, v1.3.0, was published on 2026-02-12.");
        assertThat(insight.confidence()).isEqualTo(0.375);
        assertThat(insight.data()).containsEntry("median_days_between_releases", 14.0)
                .containsEntry("days_since_last_release", 62.0);
    }

    @Test
    void aReleaseWithinTheUsualRhythmOrTooFewReleasesSayNothing() {
        // 02-12 → 03-10 = 26 days ≤ 28
        assertThat(releases.evaluate(InsightInputs.builder("90d", at("2026-03-10T00:00"))
                .releases(Scenarios.releasesEveryTwoWeeksUntilFebruary()).build())).isEmpty();
        assertThat(releases.evaluate(InsightInputs.builder("90d", at("2026-04-15T00:00"))
                .releases(Scenarios.releasesEveryTwoWeeksUntilFebruary().subList(0, 2)).build())).isEmpty();
        assertThat(releases.evaluate(Scenarios.inputs().releases(List.of()).build())).isEmpty();
    }
}
