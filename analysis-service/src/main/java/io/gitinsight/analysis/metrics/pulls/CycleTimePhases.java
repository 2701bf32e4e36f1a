package io.gitinsight.analysis.metrics.pulls;

/** Median hours of each phase over the PRs merged in a window; null where no PR had the phase. */
public record CycleTimePhases(Double coding, Double pickup, Double review, Double deploy) {
}
