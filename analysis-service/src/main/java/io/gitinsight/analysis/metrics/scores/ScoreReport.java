package io.gitinsight.analysis.metrics.scores;

import java.util.List;

/** A user's scores for one window: {@code scores} in the rules' dimension order. */
public record ScoreReport(String window, ScoreSummary summary, List<DimensionScore> scores) {

    public ScoreReport {
        scores = List.copyOf(scores);
    }
}
