package io.gitinsight.analysis.metrics.pulls;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static io.gitinsight.analysis.metrics.pulls.TestData.deployment;
import static io.gitinsight.analysis.metrics.pulls.TestData.pr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.PullRequest;

class DeployPhaseTest {

    // a0 ← m1 (the PR's merge, 03-03 08:00) ← x (a later commit)
    private final List<Commit> history = List.of(commit("a0").build(), commit("m1").parents("a0").build(),
            commit("x").parents("m1").build());
    private final PullRequest pr = pr(1).commit("c", "2026-03-02T20:00").created("2026-03-02T21:00")
            .merged("2026-03-03T08:00", "m1").build();

    @Test
    void deployIsTheFirstSuccessfulProductionDeploymentContainingTheMergeCommit() {
        List<Deployment> deployments = List.of(
                deployment(1, "production", "a0", "2026-03-02T00:00", "success", "2026-03-02T01:00"),
                deployment(2, "production", "x", "2026-03-03T09:00", "failure", "2026-03-03T10:00"),
                deployment(3, "staging", "x", "2026-03-03T10:30", "success", "2026-03-03T11:00"),
                deployment(4, "production", "x", "2026-03-03T13:00", "success", "2026-03-03T14:00"),
                deployment(5, "production", "x", "2026-03-04T13:00", "success", "2026-03-04T14:00"));

        PullRequestPhases p = new PullRequestPhaseCalculator(history, deployments, "production").phases(pr,
                List.of());

        // #1 ships a0 only, #2 failed, #3 is staging: #4 (x descends from m1) at 14:00 is 6 h after the 08:00 merge;
        // cycle time runs to the deployment: 03-02 20:00 → 03-03 14:00 = 18 h
        assertThat(p.deployedAt()).isEqualTo(at("2026-03-03T14:00"));
        assertThat(p.deployHours()).isEqualTo(6.0);
        assertThat(p.cycleTimeHours()).isEqualTo(18.0);
    }

    @Test
    void aDeploymentOfTheMergeCommitItselfCountsAndTheEnvironmentNameIsConfigurable() {
        List<Deployment> deployments = List.of(
                deployment(1, "production", "m1", "2026-03-03T08:30", "success", "2026-03-03T09:00"),
                deployment(2, "Prod", "m1", "2026-03-03T10:00", "success", "2026-03-03T11:30"));

        PullRequestPhases p = new PullRequestPhaseCalculator(history, deployments, "prod").phases(pr, List.of());

        // only "Prod" (name compared ignoring case) is production here: 08:00 → 11:30 = 3.5 h
        assertThat(p.deployHours()).isEqualTo(3.5);
        assertThat(p.cycleTimeHours()).isEqualTo(15.5);
    }

    @Test
    void withoutASuccessfulProductionDeploymentTheDeployPhaseIsUnknown() {
        List<Deployment> deployments = List.of(
                deployment(1, "production", "x", "2026-03-03T09:00", "error", "2026-03-03T10:00"));

        PullRequestPhases p = new PullRequestPhaseCalculator(history, deployments, "production").phases(pr,
                List.of());

        // cycle time stops at the merge: 03-02 20:00 → 03-03 08:00 = 12 h
        assertThat(p.deployHours()).isNull();
        assertThat(p.cycleTimeHours()).isEqualTo(12.0);
    }
}
