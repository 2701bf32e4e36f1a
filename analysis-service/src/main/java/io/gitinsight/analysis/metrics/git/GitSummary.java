package io.gitinsight.analysis.metrics.git;

import java.time.Instant;

/**
 * The whole-history git figures of CONTRACT §4: {@code commitCount} counts merges, {@code additions} and
 * {@code deletions} do not (merges carry no files), {@code activeDays} are distinct UTC dates of author dates,
 * {@code timeSpentMinutes} runs from the earliest to the latest author date. The instants are null for an
 * empty history.
 */
public record GitSummary(long commitCount, long additions, long deletions, int activeDays, long timeSpentMinutes,
        Instant firstCommit, Instant lastCommit) {

    public long codeChurn() {
        return additions + deletions;
    }
}
