package io.gitinsight.analysis.metrics.scores;

/**
 * One dimension's score (CONTRACT §2 {@code scores[]}): {@code score = weight × points}, where {@code points} sums
 * the rules' points of the {@code events} in the window.
 */
public record DimensionScore(String dimension, String window, double score, int events, double weight,
        double points) {
}
