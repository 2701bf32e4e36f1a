package io.gitinsight.analysis.metrics.pulls;

import java.util.List;
import java.util.function.Function;

import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;

/**
 * The repository's pull-request figure for a window: PRs opened (created in it) and merged (merged in it), and the
 * medians over the merged ones. {@code medianReviewTimeHours} is the median review phase (first review → merged).
 */
public record PullRequestFigures(int opened, int merged, Double medianCycleTimeHours,
        Double medianTimeToFirstReviewHours, Double medianReviewTimeHours, CycleTimePhases cycleTimePhases) {

    /**
     * @param pullRequests every PR of the repository (for {@code opened})
     * @param phases their phases, as {@link PullRequestPhaseCalculator#phases(List, List)} gives them
     */
    public static PullRequestFigures compute(List<PullRequest> pullRequests, List<PullRequestPhases> phases,
            Window window) {
        int opened = (int) pullRequests.stream().filter(pr -> window.contains(pr.createdAt())).count();
        List<PullRequestPhases> merged = phases.stream().filter(p -> window.contains(p.mergedAt())).toList();
        CycleTimePhases medians = new CycleTimePhases(median(merged, PullRequestPhases::codingHours),
                median(merged, PullRequestPhases::pickupHours), median(merged, PullRequestPhases::reviewHours),
                median(merged, PullRequestPhases::deployHours));
        return new PullRequestFigures(opened, merged.size(), median(merged, PullRequestPhases::cycleTimeHours),
                median(merged, PullRequestPhases::timeToFirstReviewHours), medians.review(), medians);
    }

    private static Double median(List<PullRequestPhases> phases, Function<PullRequestPhases, Double> phase) {
        return Medians.of(phases.stream().map(phase).toList());
    }
}
