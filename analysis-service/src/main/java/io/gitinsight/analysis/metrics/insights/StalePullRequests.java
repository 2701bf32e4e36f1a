package io.gitinsight.analysis.metrics.insights;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gitinsight.analysis.metrics.model.PullRequest;

/**
 * {@code stale_pull_requests}: at least {@value #MIN_STALE} open, non-draft pull requests have waited more than
 * {@value #STALE_AFTER_DAYS} days since they were opened (or marked ready for review, if later). Drafts are work
 * in progress by choice. Confidence grows with the number of stale PRs ({@code k =} {@value #HALF_CONFIDENCE_PRS}):
 * a few could be abandoned experiments, many point to a backlog.
 */
final class StalePullRequests implements InsightRule {

    static final int STALE_AFTER_DAYS = 30;
    static final int MIN_STALE = 3;
    static final int HALF_CONFIDENCE_PRS = 3;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        List<PullRequest> stale = in.openPullRequests().stream()
                .filter(pr -> !pr.merged() && pr.closedAt() == null && !pr.draft())
                .filter(pr -> ageDays(pr, in.generatedAt()) > STALE_AFTER_DAYS)
                .sorted(Comparator.comparingLong((PullRequest pr) -> -ageDays(pr, in.generatedAt()))
                        .thenComparingInt(PullRequest::number))
                .toList();
        if (stale.size() < MIN_STALE) {
            return Optional.empty();
        }
        PullRequest oldest = stale.get(0);
        String description = stale.size() + " open pull requests have waited more than " + STALE_AFTER_DAYS
                + " days for a decision; the oldest, #" + oldest.number() + " \"" + oldest.title() + "\" by "
                + oldest.author() + ", is " + ageDays(oldest, in.generatedAt()) + " days old.";
        Confidence confidence = Confidence.of(stale.size(), HALF_CONFIDENCE_PRS, "stale PRs");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("count", stale.size());
        data.put("pull_requests", stale.stream().map(pr -> Map.of("number", pr.number(), "title",
                String.valueOf(pr.title()), "author", String.valueOf(pr.author()), "age_days",
                ageDays(pr, in.generatedAt()))).toList());
        data.put("threshold_days", STALE_AFTER_DAYS);
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("stale_pull_requests", "Pull requests are going stale", description,
                confidence.value(), data, List.of("review", "backlog"), InsightEngine.MODEL_VERSION,
                in.generatedAt()));
    }

    /** Whole days waited for review: since opened, or since marked ready if later. */
    static long ageDays(PullRequest pr, Instant now) {
        Instant since = pr.readyForReviewAt() != null && pr.readyForReviewAt().isAfter(pr.createdAt())
                ? pr.readyForReviewAt()
                : pr.createdAt();
        return Duration.between(since, now).toDays();
    }
}
