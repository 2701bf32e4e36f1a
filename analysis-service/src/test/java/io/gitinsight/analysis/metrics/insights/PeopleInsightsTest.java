package io.gitinsight.analysis.metrics.insights;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.insights.InsightInputs.AuthorFiles;
import io.gitinsight.analysis.metrics.insights.InsightInputs.BusFactor;
import io.gitinsight.analysis.metrics.insights.InsightInputs.ContributorCommits;

class PeopleInsightsTest {

    private final BusFactorRisk busFactor = new BusFactorRisk();
    private final ContributorConcentration concentration = new ContributorConcentration();

    @Test
    void aBusFactorOfOneIsARiskNamingThePerson() {
        Insight insight = busFactor.evaluate(Scenarios.inputs().busFactor(Scenarios.busFactorOfOne()).build())
                .orElseThrow();

        // alice authors 87 of 140 files = 62%; confidence 140 / (140 + 50) = 0.737
        assertThat(insight.type()).isEqualTo("bus_factor_risk");
        assertThat(insight.title()).isEqualTo("Knowledge rests on 1 person");
        assertThat(insight.description()).isEqualTo("The bus factor is 1 over 140 files: if alice (author of 87 of "
                + "them, 62%) left, more than half of the files would have no remaining author who knows them.");
        assertThat(insight.confidence()).isEqualTo(0.737);
        assertThat(insight.data()).containsEntry("bus_factor", 1).containsEntry("files", 140)
                .containsEntry("confidence_basis", "n/(n+k) with n = 140 files, k = 50");
        assertThat(insight.tags()).containsExactly("people", "risk", "knowledge");
        assertThat(insight.generatedAt()).isEqualTo(Scenarios.NOW);
    }

    @Test
    void aBusFactorOfTwoNamesBothPeople() {
        BusFactor two = new BusFactor(2, 140, List.of(new AuthorFiles("alice", 87), new AuthorFiles("bob", 30)));

        Insight insight = busFactor.evaluate(Scenarios.inputs().busFactor(two).build()).orElseThrow();

        // bob: 30 / 140 = 21%
        assertThat(insight.title()).isEqualTo("Knowledge rests on 2 people");
        assertThat(insight.description()).contains(
                "if alice (author of 87 of them, 62%) and bob (author of 30 of them, 21%) both left");
    }

    @Test
    void aBusFactorOfThreeOrATinyRepositoryIsNoRisk() {
        BusFactor three = new BusFactor(3, 140, List.of());
        BusFactor tiny = new BusFactor(1, 9, List.of(new AuthorFiles("alice", 9)));

        assertThat(busFactor.evaluate(Scenarios.inputs().busFactor(three).build())).isEmpty();
        assertThat(busFactor.evaluate(Scenarios.inputs().busFactor(tiny).build())).isEmpty();
        assertThat(busFactor.evaluate(Scenarios.inputs().build())).as("unknown").isEmpty();
    }

    @Test
    void onePersonWritingMostCommitsIsAConcentration() {
        Insight insight = concentration.evaluate(Scenarios.inputs().contributors(Scenarios.aliceDominates()).build())
                .orElseThrow();

        // 45 + 10 + 5 = 60 commits; alice 45 / 60 = 75% ≥ 60%; confidence 60 / (60 + 50) = 0.545
        assertThat(insight.type()).isEqualTo("contributor_concentration");
        assertThat(insight.description()).isEqualTo(
                "alice wrote 75% of the 60 commits in the last 90d (45); the other 2 contributors wrote 15.");
        assertThat(insight.confidence()).isEqualTo(0.545);
        assertThat(insight.data()).containsEntry("top_share", 0.75).containsEntry("contributors", 3);
    }

    @Test
    void anEvenSplitASoloProjectOrFewCommitsAreNoConcentration() {
        List<ContributorCommits> even = List.of(new ContributorCommits("alice", 30), new ContributorCommits("bob", 30));
        List<ContributorCommits> solo = List.of(new ContributorCommits("alice", 60));
        List<ContributorCommits> few = List.of(new ContributorCommits("alice", 18), new ContributorCommits("bob", 1));

        // 50% < 60%; one contributor; 19 < 20 commits
        assertThat(concentration.evaluate(Scenarios.inputs().contributors(even).build())).isEmpty();
        assertThat(concentration.evaluate(Scenarios.inputs().contributors(solo).build())).isEmpty();
        assertThat(concentration.evaluate(Scenarios.inputs().contributors(few).build())).isEmpty();
    }
}
