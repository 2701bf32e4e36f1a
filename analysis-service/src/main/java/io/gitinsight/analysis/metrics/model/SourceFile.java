package io.gitinsight.analysis.metrics.model;

/**
 * A file at the branch tip with its line counts: {@code code} is what LOC counts (non-blank, non-comment
 * lines); {@code language} is null for files no language claims (they still count for the truck factor).
 */
public record SourceFile(String path, String language, long bytes, int code, int comments, int blanks) {
}
