package io.gitinsight.analysis.metrics.loc;

import java.util.SortedMap;

/**
 * Lines of code at the branch tip: {@code loc} and {@code locByLanguage} (languages with code, by name) count
 * non-blank, non-comment lines; {@code primaryLanguage} is null when nothing names one.
 */
public record CodeSummary(long loc, SortedMap<String, Long> locByLanguage, String primaryLanguage) {
}
