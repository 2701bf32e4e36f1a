package io.gitinsight.analysis.metrics.dora;

/**
 * The four DORA keys for a window (CONTRACT §2 {@code dora}), each null when the repository gave no data for it,
 * with the counts behind them so that a reader can check each ratio.
 *
 * @param deployments decided (succeeded, failed or errored) production deployments that finished in the window
 * @param successful of those, the successful ones
 * @param failed of those, the failed or errored ones
 * @param reworked successful ones followed by a revert or hotfix before the next production deployment
 * @param changesShipped changes (pull requests, direct commits) behind the lead-time median
 * @param recoveries failed deployments followed by a successful one, behind the MTTR median
 */
public record DoraFigures(Double deploymentFrequencyPerWeek, Double leadTimeHours, Double changeFailureRate,
        Double mttrHours, int deployments, int successful, int failed, int reworked, int changesShipped,
        int recoveries) {
}
