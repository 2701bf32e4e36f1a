package io.gitinsight.analysis.metrics.pulls;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.pr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;

class PullRequestFiguresTest {

    /** 30 days ending 04-01: [03-02, 04-01). */
    private final Window window = Window.of("30d", at("2026-04-01T00:00"));

    private final List<PullRequest> pullRequests = List.of(pr(1).created("2026-02-25T00:00").build(),
            pr(2).created("2026-03-03T00:00").build(), pr(3).created("2026-03-04T00:00").build(),
            pr(4).created("2026-03-25T00:00").build(), pr(5).created("2026-02-10T00:00").build(),
            pr(6).created("2026-03-15T00:00").build());

    private final List<PullRequestPhases> phases = List.of(
            merged(1, "2026-03-05T00:00", 2.0, 4.0, 1.0, null, 7.0, 4.0),
            merged(2, "2026-03-10T00:00", 10.0, null, null, 3.0, 13.0, null),
            merged(3, "2026-03-20T00:00", 4.0, 6.0, 2.0, 5.0, 17.0, 8.0),
            merged(4, "2026-03-31T23:59", 1.0, 2.0, 3.0, null, 6.0, 2.0),
            merged(5, "2026-02-20T00:00", 100.0, 100.0, 100.0, 100.0, 400.0, 100.0),
            new PullRequestPhases(6, "alice", at("2026-03-15T00:00"), null, null, null, null, 5.0, null, null, null,
                    null, null));

    @Test
    void mediansCoverThePullRequestsMergedInTheWindow() {
        PullRequestFigures f = PullRequestFigures.compute(pullRequests, phases, window);

        // opened in window: #2 #3 #4 #6 (#1 and #5 opened before it); merged in window: #1–#4 (#5 before, #6 open)
        assertThat(f.opened()).isEqualTo(4);
        assertThat(f.merged()).isEqualTo(4);
        // cycle {7, 13, 17, 6} → 6 7 13 17 → (7 + 13) / 2 = 10
        assertThat(f.medianCycleTimeHours()).isEqualTo(10.0);
        // first review {4, 8, 2} (#2 never reviewed) → 4
        assertThat(f.medianTimeToFirstReviewHours()).isEqualTo(4.0);
        // review {1, 2, 3} → 2, reported twice: as the median review time and as the review phase
        assertThat(f.medianReviewTimeHours()).isEqualTo(2.0);
        // coding {2, 10, 4, 1} → (2 + 4) / 2 = 3; pickup {4, 6, 2} → 4; deploy {3, 5} → 4
        assertThat(f.cycleTimePhases()).isEqualTo(new CycleTimePhases(3.0, 4.0, 2.0, 4.0));
    }

    @Test
    void aWindowWithoutPullRequestsHasNoMedians() {
        PullRequestFigures f = PullRequestFigures.compute(pullRequests, phases,
                Window.of("30d", at("2025-01-01T00:00")));

        assertThat(f).isEqualTo(new PullRequestFigures(0, 0, null, null, null,
                new CycleTimePhases(null, null, null, null)));
    }

    private static PullRequestPhases merged(int number, String mergedAt, Double coding, Double pickup, Double review,
            Double deploy, Double cycle, Double firstReview) {
        return new PullRequestPhases(number, "alice", null, at(mergedAt), null, null, null, coding, pickup, review,
                deploy, cycle, firstReview);
    }
}
