package io.gitinsight.analysis.metrics.insights;

import java.util.List;
import java.util.Optional;

/**
 * Draws insights from a repository's computed figures with fixed, documented rules — one class per type, each
 * with its thresholds as named constants and its confidence as {@code n / (n + k)} over the sample behind it (see
 * {@link Confidence}). An insight is emitted only when its condition holds.
 */
public final class InsightEngine {

    /** Which rule set produced an insight: bump when a threshold or formula changes. */
    public static final String MODEL_VERSION = "rules-2026.11";

    private final List<InsightRule> rules = List.of(new BusFactorRisk(), new ReviewBottleneck(),
            new CycleTimeRegression(), new ActivityTrend(), new ChurnHotspot(), new StalePullRequests(),
            new ChangeFailureSpike(), new ContributorConcentration(), new ReleaseCadence());

    public List<Insight> generate(InsightInputs inputs) {
        return rules.stream().map(r -> r.evaluate(inputs)).flatMap(Optional::stream).toList();
    }
}
