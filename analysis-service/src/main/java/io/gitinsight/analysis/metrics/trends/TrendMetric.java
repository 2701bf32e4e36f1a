package io.gitinsight.analysis.metrics.trends;

import java.util.Locale;

/**
 * What a trend counts per bucket: {@code commits} (by author date, merges included as in {@code commit_count}),
 * {@code churn} (additions + deletions of non-merge commits), {@code prs_merged}, {@code cycle_time} (median cycle
 * time in hours of the PRs merged in the bucket) and {@code contributors} (distinct people authoring commits).
 */
public enum TrendMetric {
    COMMITS,
    CHURN,
    PRS_MERGED,
    CYCLE_TIME,
    CONTRIBUTORS;

    public static TrendMetric parse(String name) {
        for (TrendMetric m : values()) {
            if (m.wireName().equals(name)) {
                return m;
            }
        }
        throw new IllegalArgumentException(
                "unknown metric '" + name + "': commits, churn, prs_merged, cycle_time or contributors");
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Counts fill empty buckets with 0; a median of nothing is no point at all. */
    public boolean isCount() {
        return this != CYCLE_TIME;
    }
}
