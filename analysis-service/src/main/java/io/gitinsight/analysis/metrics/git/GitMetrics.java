package io.gitinsight.analysis.metrics.git;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;

/**
 * The git figures of a history (all commits reachable from the default branch), as CONTRACT §4 defines them
 * by the git CLI: {@code git rev-list --count}, {@code git log --numstat --no-merges} (binary files count 0),
 * and the author dates in UTC.
 */
public final class GitMetrics {

    private GitMetrics() {
    }

    public static GitSummary summarize(List<Commit> history) {
        long additions = 0;
        long deletions = 0;
        Set<LocalDate> days = new HashSet<>();
        Instant first = null;
        Instant last = null;
        // a sha seen twice (an overlapping batch) is still one commit of rev-list
        Set<String> seen = new HashSet<>();
        for (Commit commit : history) {
            if (!seen.add(commit.sha())) {
                continue;
            }
            Instant authored = commit.authoredAt().toInstant();
            days.add(LocalDate.ofInstant(authored, ZoneOffset.UTC));
            first = first == null || authored.isBefore(first) ? authored : first;
            last = last == null || authored.isAfter(last) ? authored : last;
            if (!commit.isMerge()) {
                for (FileChange file : commit.files()) {
                    additions += file.binary() ? 0 : file.additions();
                    deletions += file.binary() ? 0 : file.deletions();
                }
            }
        }
        long minutes = first == null ? 0 : Duration.between(first, last).toMinutes();
        return new GitSummary(seen.size(), additions, deletions, days.size(), minutes, first, last);
    }
}
