package io.gitinsight.analysis.metrics.model;

/**
 * One file of a commit as {@code git log --numstat} reports it against the first parent: lines added and
 * deleted (0 for a binary file), and the old path when the file was renamed ({@code null} otherwise).
 */
public record FileChange(String path, String oldPath, int additions, int deletions, boolean binary) {
}
