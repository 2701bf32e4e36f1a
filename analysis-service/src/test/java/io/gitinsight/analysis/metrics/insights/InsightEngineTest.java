package io.gitinsight.analysis.metrics.insights;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class InsightEngineTest {

    private final InsightEngine engine = new InsightEngine();

    @Test
    void nothingKnownMeansNothingSaid() {
        assertThat(engine.generate(Scenarios.inputs().build())).isEmpty();
    }

    @Test
    void everyTypeIsProducedWhenItsConditionHolds() {
        InsightInputs inputs = Scenarios.inputs()
                .busFactor(Scenarios.busFactorOfOne())
                .pickupHours(Scenarios.slowPickup())
                .cycleTimeHours(Scenarios.slowerCycleTime())
                .commits(Scenarios.fewerCommits())
                .hotspots(Scenarios.hotFile())
                .openPullRequests(Scenarios.openPullRequests())
                .changeFailureRate(Scenarios.moreFailures())
                .contributors(Scenarios.aliceDominates())
                .releases(Scenarios.releasesEveryTwoWeeksUntilFebruary())
                .build();

        assertThat(engine.generate(inputs)).extracting(Insight::type).containsExactly("bus_factor_risk",
                "review_bottleneck", "cycle_time_regression", "activity_trend", "churn_hotspot",
                "stale_pull_requests", "change_failure_spike", "contributor_concentration", "release_cadence");
        assertThat(engine.generate(inputs)).allSatisfy(i -> {
            assertThat(i.modelVersion()).isEqualTo("rules-2026.11");
            assertThat(i.confidence()).isStrictlyBetween(0.0, 1.0);
            assertThat(i.data()).containsKey("confidence_basis");
            assertThat(i.tags()).isNotEmpty();
        });
    }
}
