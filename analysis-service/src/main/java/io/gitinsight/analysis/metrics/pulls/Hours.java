package io.gitinsight.analysis.metrics.pulls;

import java.time.Duration;
import java.time.Instant;

/** Durations as the API reports them: hours as a double. */
public final class Hours {

    private static final double MILLIS_PER_HOUR = 3_600_000.0;

    private Hours() {
    }

    /**
     * Hours from {@code from} to {@code to}, or null when either is unknown. A negative span (clock skew between
     * git author dates and GitHub's clock, a commit re-authored after the PR opened) is reported as 0: a phase
     * cannot take less than no time.
     */
    public static Double between(Instant from, Instant to) {
        if (from == null || to == null) {
            return null;
        }
        return Math.max(0L, Duration.between(from, to).toMillis()) / MILLIS_PER_HOUR;
    }
}
