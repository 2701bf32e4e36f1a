package io.gitinsight.analysis.metrics.insights;

/** A file's churn (lines added + deleted) in a window, by how many distinct authors, in how many commits. */
public record FileChurn(String path, long churn, int authors, int commits) {
}
