package io.gitinsight.analysis.metrics.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code cycle_time_regression}: the median cycle time grew to at least {@value #MIN_RATIO}× the previous window's
 * and by at least {@value #MIN_INCREASE_HOURS} hours (so 1 h → 2 h is not news), each median over at least
 * {@value #MIN_PRS} PRs. Confidence grows with the smaller of the two samples ({@code k =}
 * {@value #HALF_CONFIDENCE_PRS}).
 */
final class CycleTimeRegression implements InsightRule {

    static final double MIN_RATIO = 1.5;
    static final double MIN_INCREASE_HOURS = 8;
    static final int MIN_PRS = 5;
    static final int HALF_CONFIDENCE_PRS = 10;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        InsightInputs.Comparison c = in.cycleTimeHours();
        if (c == null || c.current() == null || c.previous() == null || c.currentSamples() < MIN_PRS
                || c.previousSamples() < MIN_PRS || c.current() < MIN_RATIO * c.previous()
                || c.current() - c.previous() < MIN_INCREASE_HOURS) {
            return Optional.empty();
        }
        double change = c.previous() == 0 ? Double.NaN : (c.current() - c.previous()) / c.previous();
        String description = "The median cycle time rose from " + Text.decimal(c.previous()) + " hours ("
                + c.previousSamples() + " PRs in the previous " + in.window() + ") to " + Text.decimal(c.current())
                + " hours (" + c.currentSamples() + " PRs in the last " + in.window() + ")"
                + (Double.isNaN(change) ? "" : ", " + Text.percent(change) + " longer") + ".";
        Confidence confidence = Confidence.of(Math.min(c.currentSamples(), c.previousSamples()), HALF_CONFIDENCE_PRS,
                "merged PRs in the smaller window");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("median_cycle_time_hours", c.current());
        data.put("previous_median_cycle_time_hours", c.previous());
        data.put("pull_requests", c.currentSamples());
        data.put("previous_pull_requests", c.previousSamples());
        if (!Double.isNaN(change)) {
            data.put("change", change);
        }
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("cycle_time_regression", "Changes take longer to ship", description,
                confidence.value(), data, List.of("flow", "cycle_time", "regression"), InsightEngine.MODEL_VERSION,
                in.generatedAt()));
    }
}
