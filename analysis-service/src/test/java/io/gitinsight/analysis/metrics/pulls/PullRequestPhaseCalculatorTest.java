package io.gitinsight.analysis.metrics.pulls;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static io.gitinsight.analysis.metrics.pulls.TestData.pendingReview;
import static io.gitinsight.analysis.metrics.pulls.TestData.pr;
import static io.gitinsight.analysis.metrics.pulls.TestData.review;
import static io.gitinsight.analysis.metrics.pulls.TestData.reviewComment;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;

class PullRequestPhaseCalculatorTest {

    private final PullRequestPhaseCalculator noHistory = new PullRequestPhaseCalculator(List.of(), List.of(),
            "production");

    @Test
    void phasesFollowTheTimelineOfAReviewedMergedPullRequest() {
        PullRequest pr = pr(1).author("alice")
                .commit("c1", "2026-03-02T08:00").commit("c2", "2026-03-02T12:00")
                .created("2026-03-02T14:00").merged("2026-03-03T08:00", "m1").build();

        PullRequestPhases p = noHistory.phases(pr, List.of(review(1, "bob", "2026-03-03T02:00")));

        // coding 08:00 → 14:00 = 6 h; pickup 14:00 → 02:00 next day = 12 h; review 02:00 → 08:00 = 6 h;
        // cycle 03-02 08:00 → 03-03 08:00 = 24 h (no deployment known); first review 12 h after creation
        assertThat(p.firstCommitAt()).isEqualTo(at("2026-03-02T08:00"));
        assertThat(p.codingHours()).isEqualTo(6.0);
        assertThat(p.pickupHours()).isEqualTo(12.0);
        assertThat(p.reviewHours()).isEqualTo(6.0);
        assertThat(p.deployHours()).isNull();
        assertThat(p.cycleTimeHours()).isEqualTo(24.0);
        assertThat(p.timeToFirstReviewHours()).isEqualTo(12.0);
    }

    @Test
    void pickupOfADraftStartsWhenItIsMarkedReady() {
        PullRequest pr = pr(2).draft().created("2026-03-02T10:00").ready("2026-03-02T16:00").build();

        PullRequestPhases p = noHistory.phases(pr, List.of(review(2, "bob", "2026-03-02T19:00")));

        // pickup from ready 16:00 to 19:00 = 3 h; time to first review counts from creation, 10:00 → 19:00 = 9 h
        assertThat(p.pickupHours()).isEqualTo(3.0);
        assertThat(p.timeToFirstReviewHours()).isEqualTo(9.0);
        assertThat(p.reviewHours()).as("not merged").isNull();
        assertThat(p.cycleTimeHours()).isNull();
    }

    @Test
    void aReviewOfTheDraftBeforeItWasReadyMeansNoPickupWait() {
        PullRequest pr = pr(2).draft().created("2026-03-02T10:00").ready("2026-03-02T16:00").build();

        PullRequestPhases p = noHistory.phases(pr, List.of(review(2, "bob", "2026-03-02T12:00")));

        // the review (12:00) came before ready (16:00): pickup 0, not −4 h; first review 2 h after creation
        assertThat(p.pickupHours()).isEqualTo(0.0);
        assertThat(p.timeToFirstReviewHours()).isEqualTo(2.0);
    }

    @Test
    void theAuthorsOwnReviewIsIgnoredAndAReviewCommentCountsAsTheFirstReview() {
        PullRequest pr = pr(3).author("alice").created("2026-03-02T10:00").merged("2026-03-02T18:00", "m3").build();

        PullRequestPhases p = noHistory.phases(pr, List.of(review(3, "Alice", "2026-03-02T11:00"),
                reviewComment(3, "bob", "2026-03-02T13:30"), review(3, "carol", "2026-03-02T15:00")));

        // Alice is the author (case aside); bob's comment at 13:30 is first: pickup 3.5 h, review 13:30 → 18:00 = 4.5 h
        assertThat(p.firstReviewAt()).isEqualTo(at("2026-03-02T13:30"));
        assertThat(p.pickupHours()).isEqualTo(3.5);
        assertThat(p.reviewHours()).isEqualTo(4.5);
    }

    @Test
    void pendingReviewsBotsAndReviewsAfterTheMergeAreNoFirstReview() {
        PullRequest pr = pr(4).created("2026-03-02T10:00").merged("2026-03-02T12:00", "m4").build();

        PullRequestPhases p = noHistory.phases(pr, List.of(pendingReview(4, "bob"),
                reviewComment(4, "dependabot[bot]", "2026-03-02T10:01"), review(4, "carol", "2026-03-02T13:00")));

        assertThat(p.firstReviewAt()).isNull();
        assertThat(p.pickupHours()).isNull();
        assertThat(p.reviewHours()).isNull();
        assertThat(p.timeToFirstReviewHours()).isNull();
    }

    @Test
    void aTrueMergeFindsThePullRequestsCommitsOnTheSecondParentSide() {
        // a0 ← a1 ← m (main), a0 ← b1 ← b2 ← m (branch): the PR's commits are b1 and b2 — not a0 (00:00), which
        // the first parent also reaches, nor a1
        List<Commit> history = List.of(commit("a0").authored("2026-03-01T00:00").build(),
                commit("b1").parents("a0").authored("2026-03-01T09:00").build(),
                commit("a1").parents("a0").authored("2026-03-01T10:00").build(),
                commit("b2").parents("b1").authored("2026-03-01T11:00").build(),
                commit("m").parents("a1", "b2").authored("2026-03-02T12:00").build());
        PullRequest pr = pr(5).created("2026-03-01T12:00").merged("2026-03-02T12:00", "m").build();
        PullRequestPhaseCalculator calculator = new PullRequestPhaseCalculator(history, List.of(), "production");

        PullRequestPhases p = calculator.phases(pr, List.of());

        // first commit b1 at 09:00: coding 09:00 → 12:00 = 3 h; cycle 03-01 09:00 → 03-02 12:00 = 27 h
        assertThat(new PullRequestCommits(new CommitGraph(history)).shas(pr)).containsExactlyInAnyOrder("b1", "b2");
        assertThat(p.codingHours()).isEqualTo(3.0);
        assertThat(p.cycleTimeHours()).isEqualTo(27.0);
    }

    @Test
    void aSquashMergeIsItsOwnOnlyCommit() {
        List<Commit> history = List.of(commit("a0").authored("2026-03-01T00:00").build(),
                commit("s").parents("a0").authored("2026-03-01T09:30").committed("2026-03-02T12:00").build());
        PullRequest pr = pr(6).created("2026-03-01T12:00").merged("2026-03-02T12:00", "s").build();

        PullRequestPhases p = new PullRequestPhaseCalculator(history, List.of(), "production").phases(pr, List.of());

        // the squash commit keeps the work's author date 09:30: coding 2.5 h, cycle 09:30 → next day 12:00 = 26.5 h
        assertThat(p.codingHours()).isEqualTo(2.5);
        assertThat(p.cycleTimeHours()).isEqualTo(26.5);
    }

    @Test
    void withoutCommitsInGitHubOrTheHistoryCodingAndCycleTimeAreUnknown() {
        PullRequest pr = pr(7).created("2026-03-01T12:00").merged("2026-03-02T12:00", "not-in-history").build();

        PullRequestPhases p = noHistory.phases(pr, List.of());

        assertThat(p.firstCommitAt()).isNull();
        assertThat(p.codingHours()).isNull();
        assertThat(p.cycleTimeHours()).isNull();
    }
}
