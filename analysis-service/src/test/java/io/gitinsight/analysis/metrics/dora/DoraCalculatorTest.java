package io.gitinsight.analysis.metrics.dora;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static io.gitinsight.analysis.metrics.pulls.TestData.deployment;
import static io.gitinsight.analysis.metrics.pulls.TestData.pr;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;

/**
 * One synthetic month. Main: c0 ← c1 ← m1 (merges PR #1: c1 ← p1 ← p2) ← s2 (squash of PR #2) ← c3 ← r4 (a revert)
 * ← c5. Production deployments: D1 c0 ok 03-01 02:00 · D2 m1 ok 03-03 12:00 · D3 s2 failed 03-04 11:00 · D4 c3 ok
 * 03-05 12:00 · D5 c5 error 03-07 12:00 · D6 c5 ok 03-08 16:00; plus a staging failure and an undecided production
 * deployment, which count for nothing.
 */
class DoraCalculatorTest {

    private final List<Commit> history = List.of(
            commit("c0").authored("2026-03-01T00:00").build(),
            commit("c1").parents("c0").authored("2026-03-02T00:00").build(),
            commit("p1").parents("c1").authored("2026-03-02T06:00").build(),
            commit("p2").parents("p1").authored("2026-03-02T12:00").build(),
            commit("m1").parents("c1", "p2").authored("2026-03-03T00:00")
                    .message("Merge pull request #1 from acme/feature").build(),
            commit("s2").parents("m1").authored("2026-03-03T06:00").committed("2026-03-04T00:00")
                    .message("Add search (#2)").build(),
            commit("c3").parents("s2").authored("2026-03-05T00:00").build(),
            commit("r4").parents("c3").authored("2026-03-06T12:00").message("Revert \"Add search\"").build(),
            commit("c5").parents("r4").authored("2026-03-07T00:00").build());

    private final List<PullRequest> pullRequests = List.of(
            pr(1).created("2026-03-02T13:00").merged("2026-03-03T00:00", "m1").build(),
            pr(2).commit("q1", "2026-03-02T18:00").created("2026-03-02T19:00").merged("2026-03-04T00:00", "s2")
                    .build());

    private final List<Deployment> deployments = List.of(
            deployment(1, "production", "c0", "2026-03-01T01:00", "success", "2026-03-01T02:00"),
            deployment(2, "production", "m1", "2026-03-03T10:00", "success", "2026-03-03T12:00"),
            deployment(3, "production", "s2", "2026-03-04T10:00", "failure", "2026-03-04T11:00"),
            deployment(4, "production", "c3", "2026-03-05T10:00", "success", "2026-03-05T12:00"),
            deployment(5, "production", "c5", "2026-03-07T10:00", "error", "2026-03-07T12:00"),
            deployment(6, "production", "c5", "2026-03-08T10:00", "success", "2026-03-08T16:00"),
            deployment(7, "staging", "c5", "2026-03-08T11:00", "failure", "2026-03-08T12:00"),
            new Deployment(8, "production", "c5", "main", at("2026-03-09T10:00"),
                    List.of(new Deployment.Status("in_progress", at("2026-03-09T10:00")))));

    private final DoraCalculator dora = new DoraCalculator("production");

    @Test
    void allFourKeysOverTheMonth() {
        DoraFigures f = dora.compute(deployments, history, pullRequests, Window.of("30d", at("2026-03-10T00:00")));

        // decided production deployments D1–D6: 4 succeeded (D1 D2 D4 D6), 2 failed (D3 D5)
        assertThat(f.deployments()).isEqualTo(6);
        assertThat(f.successful()).isEqualTo(4);
        assertThat(f.failed()).isEqualTo(2);
        // frequency: 4 successful / (30 days / 7) = 28 / 30 per week
        assertThat(f.deploymentFrequencyPerWeek()).isCloseTo(28.0 / 30, within(1e-12));
        // lead time (D1 is the first: no samples). D2 ships m1 p2 p1 c1: PR #1 (found through its merge commit)
        // from p1 03-02 06:00 → 03-03 12:00 = 30 h, c1 from 03-02 00:00 = 36 h. D4 ships c3 s2 (D3 failed, so the
        // previous success is D2): s2 is PR #2 by "(#2)", first commit q1 03-02 18:00 → 03-05 12:00 = 66 h; c3 from
        // 03-05 00:00 = 12 h. D6 ships c5 r4: 03-07 00:00 → 03-08 16:00 = 40 h, 03-06 12:00 → = 52 h.
        // {30 36 66 12 40 52} → 12 30 36 | 40 52 66 → (36 + 40) / 2 = 38
        assertThat(f.changesShipped()).isEqualTo(6);
        assertThat(f.leadTimeHours()).isEqualTo(38.0);
        // change failure rate: D3 and D5 failed; D4 was followed by the revert r4 (03-06 12:00) before D5 finished
        // (03-07 12:00) → (2 + 1) / 6 = 0.5
        assertThat(f.reworked()).isEqualTo(1);
        assertThat(f.changeFailureRate()).isEqualTo(0.5);
        // MTTR: D3 03-04 11:00 → D4 03-05 12:00 = 25 h; D5 03-07 12:00 → D6 03-08 16:00 = 28 h → 26.5 h
        assertThat(f.recoveries()).isEqualTo(2);
        assertThat(f.mttrHours()).isEqualTo(26.5);
    }

    @Test
    void anEarlierWindowSeesNothingAfterItsEnd() {
        DoraFigures f = dora.compute(deployments, history, pullRequests, Window.of("30d", at("2026-03-08T00:00")));

        // D6 (03-08 16:00) is after the end: D1–D5, 3 successful → 3 / (30 / 7) = 0.7 per week; lead-time samples
        // {30 36 66 12} → (30 + 36) / 2 = 33; CFR (2 failed + D4 reworked) / 5 = 0.6; D5 has not recovered by the
        // end, so MTTR is D3's 25 h alone
        assertThat(f.deploymentFrequencyPerWeek()).isCloseTo(0.7, within(1e-12));
        assertThat(f.leadTimeHours()).isEqualTo(33.0);
        assertThat(f.changeFailureRate()).isEqualTo(0.6);
        assertThat(f.mttrHours()).isEqualTo(25.0);
    }

    @Test
    void theWholeHistoryMeasuresFrequencyFromTheFirstProductionDeployment() {
        DoraFigures f = dora.compute(deployments, history, pullRequests, Window.of("all", at("2026-03-10T00:00")));

        // span: D1 created 03-01 01:00 → 03-10 00:00 = 8 days 23 h = 215/24 days; 4 / (215/24 / 7) = 672/215
        assertThat(f.deploymentFrequencyPerWeek()).isCloseTo(672.0 / 215, within(1e-12));
    }

    @Test
    void aHotfixAfterASuccessfulDeploymentCountsItAsAFailure() {
        List<PullRequest> withHotfix = List.of(pr(9).head("hotfix/login", "h9")
                .merged("2026-03-02T09:00", "not-in-history").build());

        List<Commit> beforeTheRevert = history.subList(0, 7);

        DoraFigures f = dora.compute(deployments.subList(0, 2), beforeTheRevert, withHotfix,
                Window.of("30d", at("2026-03-10T00:00")));

        // D1 (03-01 02:00) is followed by hotfix #9 (03-02 09:00) before D2 (03-03 12:00); D2, the last, by nothing
        // up to the end (the history stops before the revert r4) → 1 / 2
        assertThat(f.changeFailureRate()).isEqualTo(0.5);
        assertThat(f.mttrHours()).as("no failed deployment").isNull();
    }

    @Test
    void withoutProductionDeploymentsEveryKeyIsUnknown() {
        DoraFigures f = dora.compute(List.of(deployments.get(6)), history, pullRequests,
                Window.of("90d", at("2026-03-10T00:00")));

        assertThat(f).isEqualTo(new DoraFigures(null, null, null, null, 0, 0, 0, 0, 0, 0));
    }

    @Test
    void aQuietWindowAfterDeploymentsHasAFrequencyOfZero() {
        DoraFigures f = dora.compute(deployments, history, pullRequests, Window.of("30d", at("2026-06-01T00:00")));

        assertThat(f.deploymentFrequencyPerWeek()).isEqualTo(0.0);
        assertThat(f.changeFailureRate()).isNull();
        assertThat(f.leadTimeHours()).isNull();
    }
}
