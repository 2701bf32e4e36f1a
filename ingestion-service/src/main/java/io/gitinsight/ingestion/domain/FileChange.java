package io.gitinsight.ingestion.domain;

/**
 * One file of a commit as {@code git log --numstat} reports it: lines added and deleted (0 for a binary
 * file), and the old path when the file was renamed.
 */
public record FileChange(String path, String oldPath, int additions, int deletions, boolean binary) {
}
