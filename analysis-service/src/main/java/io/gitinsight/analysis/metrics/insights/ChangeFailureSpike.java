package io.gitinsight.analysis.metrics.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code change_failure_spike}: the change failure rate is at least {@value #MIN_RATE} (15%, above the DORA "high
 * performer" band) and at least {@value #MIN_INCREASE} (10 points) above the previous window's, each over at least
 * {@value #MIN_DEPLOYMENTS} production deployments. Confidence grows with the smaller of the two deployment counts
 * ({@code k =} {@value #HALF_CONFIDENCE_DEPLOYMENTS}).
 */
final class ChangeFailureSpike implements InsightRule {

    static final double MIN_RATE = 0.15;
    static final double MIN_INCREASE = 0.10;
    static final int MIN_DEPLOYMENTS = 5;
    static final int HALF_CONFIDENCE_DEPLOYMENTS = 10;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        InsightInputs.Comparison c = in.changeFailureRate();
        if (c == null || c.current() == null || c.previous() == null || c.currentSamples() < MIN_DEPLOYMENTS
                || c.previousSamples() < MIN_DEPLOYMENTS || c.current() < MIN_RATE
                || c.current() - c.previous() < MIN_INCREASE) {
            return Optional.empty();
        }
        String description = "The change failure rate rose to " + Text.percent(c.current()) + " of "
                + c.currentSamples() + " production deployments in the last " + in.window() + ", from "
                + Text.percent(c.previous()) + " of " + c.previousSamples() + " in the previous " + in.window()
                + ": more deployments failed or needed a revert or hotfix.";
        Confidence confidence = Confidence.of(Math.min(c.currentSamples(), c.previousSamples()),
                HALF_CONFIDENCE_DEPLOYMENTS, "deployments in the smaller window");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("change_failure_rate", c.current());
        data.put("previous_change_failure_rate", c.previous());
        data.put("deployments", c.currentSamples());
        data.put("previous_deployments", c.previousSamples());
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("change_failure_spike", "More deployments are failing", description,
                confidence.value(), data, List.of("dora", "stability", "regression"), InsightEngine.MODEL_VERSION,
                in.generatedAt()));
    }
}
