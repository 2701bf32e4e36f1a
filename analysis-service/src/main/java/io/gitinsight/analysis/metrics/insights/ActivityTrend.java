package io.gitinsight.analysis.metrics.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code activity_trend}: commits in the window differ from the previous window's by at least
 * {@value #MIN_CHANGE} (30%) either way, with at least {@value #MIN_COMMITS} commits in the busier of the two (so
 * 2 → 3 commits is not a trend). Confidence grows with the commits of both windows ({@code k =}
 * {@value #HALF_CONFIDENCE_COMMITS}).
 */
final class ActivityTrend implements InsightRule {

    static final double MIN_CHANGE = 0.30;
    static final int MIN_COMMITS = 20;
    static final int HALF_CONFIDENCE_COMMITS = 50;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        InsightInputs.Comparison c = in.commits();
        if (c == null || c.current() == null || c.previous() == null
                || Math.max(c.current(), c.previous()) < MIN_COMMITS) {
            return Optional.empty();
        }
        long current = Math.round(c.current());
        long previous = Math.round(c.previous());
        Double change = previous == 0 ? null : (current - previous) / (double) previous;
        if (change != null && Math.abs(change) < MIN_CHANGE) {
            return Optional.empty();
        }
        boolean growth = current > previous;
        String description = "Commits " + (growth ? "rose" : "fell")
                + (change == null ? "" : " " + Text.percent(Math.abs(change))) + " from " + previous
                + " in the previous " + in.window() + " to " + current + " in the last " + in.window() + ".";
        Confidence confidence = Confidence.of((int) (current + previous), HALF_CONFIDENCE_COMMITS,
                "commits in both windows");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("direction", growth ? "growth" : "decline");
        data.put("commits", current);
        data.put("previous_commits", previous);
        if (change != null) {
            data.put("change", change);
        }
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("activity_trend", growth ? "Activity is growing" : "Activity is declining",
                description, confidence.value(), data, List.of("activity", growth ? "growth" : "decline"),
                InsightEngine.MODEL_VERSION, in.generatedAt()));
    }
}
