package io.gitinsight.analysis.metrics.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code review_bottleneck}: PRs merged in the window waited a median of at least {@value #SLOW_PICKUP_HOURS} hours
 * (a working day) for their first review, over at least {@value #MIN_PRS} PRs. The previous window's median is
 * quoted when known. Confidence grows with the PRs of the window ({@code k =} {@value #HALF_CONFIDENCE_PRS}).
 */
final class ReviewBottleneck implements InsightRule {

    static final double SLOW_PICKUP_HOURS = 24;
    static final int MIN_PRS = 5;
    static final int HALF_CONFIDENCE_PRS = 10;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        InsightInputs.Comparison pickup = in.pickupHours();
        if (pickup == null || pickup.current() == null || pickup.current() < SLOW_PICKUP_HOURS
                || pickup.currentSamples() < MIN_PRS) {
            return Optional.empty();
        }
        String description = "Pull requests merged in the last " + in.window() + " waited a median of "
                + Text.decimal(pickup.current()) + " hours for a first review (" + pickup.currentSamples() + " PRs)"
                + (pickup.previous() == null ? ""
                        : (pickup.previous() < pickup.current() ? ", up from " : ", compared with ")
                                + Text.decimal(pickup.previous()) + " hours in the previous " + in.window() + " ("
                                + pickup.previousSamples() + " PRs)")
                + ".";
        Confidence confidence = Confidence.of(pickup.currentSamples(), HALF_CONFIDENCE_PRS, "merged PRs");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("median_pickup_hours", pickup.current());
        data.put("pull_requests", pickup.currentSamples());
        if (pickup.previous() != null) {
            data.put("previous_median_pickup_hours", pickup.previous());
            data.put("previous_pull_requests", pickup.previousSamples());
        }
        data.put("threshold_hours", SLOW_PICKUP_HOURS);
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("review_bottleneck", "Reviews are slow to start", description,
                confidence.value(), data, List.of("review", "flow"), InsightEngine.MODEL_VERSION,
                in.generatedAt()));
    }
}
