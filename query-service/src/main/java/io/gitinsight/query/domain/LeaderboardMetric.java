package io.gitinsight.query.domain;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The metrics a leaderboard ranks by, each with its path in the contract's metrics object; more is better. */
public enum LeaderboardMetric {
    COMMITS("commit_count"),
    CHURN("code_churn"),
    ACTIVE_DAYS("active_days"),
    CONTRIBUTORS("contributors"),
    PRS_MERGED("pull_requests", "merged"),
    LOC("loc"),
    DEPLOYMENT_FREQUENCY("dora", "deployment_frequency_per_week");

    private final List<String> path;

    LeaderboardMetric(String... path) {
        this.path = List.of(path);
    }

    public List<String> path() {
        return path;
    }

    public String value() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<LeaderboardMetric> fromValue(String value) {
        return Arrays.stream(values()).filter(m -> m.value().equals(value)).findFirst();
    }
}
