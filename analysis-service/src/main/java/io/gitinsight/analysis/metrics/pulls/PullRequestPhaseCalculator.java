package io.gitinsight.analysis.metrics.pulls;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.stream.Collectors;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Review;

/**
 * Computes {@link PullRequestPhases} for pull requests against one repository's history and deployments.
 *
 * <p>
 * The first review is the earliest submitted review or review comment by someone other than the PR's author
 * (logins compared ignoring case) and not by a bot: a CI bot commenting within seconds is not a colleague picking
 * the PR up. Pending reviews (no {@code submittedAt}) count for nothing. For a merged PR only reviews submitted by
 * the merge count: a review after the merge did not gate it, and would make the review phase negative.
 */
public final class PullRequestPhaseCalculator {

    /** Logins GitHub gives apps: {@code dependabot[bot]}, {@code github-actions[bot]}. */
    public static final Predicate<String> GITHUB_BOT = login -> login != null && login.endsWith("[bot]");

    private final PullRequestCommits pullRequestCommits;
    private final ProductionDeployments production;
    private final Predicate<String> isBot;

    public PullRequestPhaseCalculator(List<Commit> history, List<Deployment> deployments, String productionEnvironment) {
        this(history, deployments, productionEnvironment, GITHUB_BOT);
    }

    public PullRequestPhaseCalculator(List<Commit> history, List<Deployment> deployments, String productionEnvironment,
            Predicate<String> isBot) {
        CommitGraph graph = new CommitGraph(history);
        this.pullRequestCommits = new PullRequestCommits(graph);
        this.production = new ProductionDeployments(graph, deployments, productionEnvironment);
        this.isBot = isBot;
    }

    /** The phases of every PR (open ones get what is known so far), with reviews of any PR mixed in the list. */
    public List<PullRequestPhases> phases(List<PullRequest> pullRequests, List<Review> reviews) {
        Map<Integer, List<Review>> byPr = reviews.stream().collect(Collectors.groupingBy(Review::pullRequestNumber));
        return pullRequests.stream().map(pr -> phases(pr, byPr.getOrDefault(pr.number(), List.of()))).toList();
    }

    public PullRequestPhases phases(PullRequest pr, List<Review> reviews) {
        Instant firstCommit = pullRequestCommits.firstAuthoredAt(pr).orElse(null);
        Instant firstReview = firstReview(pr, reviews);
        Instant deployed = pr.merged() ? production.firstDeployedAt(pr.mergeCommitSha()).orElse(null) : null;
        Instant readyAt = pr.readyForReviewAt() != null && pr.readyForReviewAt().isAfter(pr.createdAt())
                ? pr.readyForReviewAt()
                : pr.createdAt();
        Double deployHours = Hours.between(pr.mergedAt(), deployed);
        Double cycle = pr.merged() ? Hours.between(firstCommit, deployed != null ? deployed : pr.mergedAt()) : null;
        return new PullRequestPhases(pr.number(), pr.author(), pr.createdAt(), pr.mergedAt(), firstCommit, firstReview,
                deployed, Hours.between(firstCommit, pr.createdAt()), Hours.between(readyAt, firstReview),
                Hours.between(firstReview, pr.mergedAt()), deployHours, cycle,
                Hours.between(pr.createdAt(), firstReview));
    }

    private Instant firstReview(PullRequest pr, List<Review> reviews) {
        return reviews.stream()
                .filter(r -> r.pullRequestNumber() == pr.number())
                .filter(r -> r.submittedAt() != null && !"PENDING".equalsIgnoreCase(r.state()))
                .filter(r -> r.reviewer() == null || !r.reviewer().equalsIgnoreCase(pr.author()))
                .filter(r -> !isBot.test(r.reviewer()))
                .filter(r -> !pr.merged() || !r.submittedAt().isAfter(pr.mergedAt()))
                .map(Review::submittedAt)
                .min(Comparator.naturalOrder())
                .orElse(null);
    }
}
