package io.gitinsight.analysis.metrics.git;

import static io.gitinsight.analysis.metrics.git.GitCli.git;
import static io.gitinsight.analysis.metrics.git.GitCli.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Map;

/** CONTRACT §4's git figures as git's own one-liners compute them, and the check of a summary against them. */
final class GitReference {

    private static final Map<String, String> UTC = Map.of("TZ", "UTC");

    private GitReference() {
    }

    static void assertSummaryMatchesGit(Path repository, GitSummary summary) throws Exception {
        long revList = Long.parseLong(git(repository, "rev-list", "--count", "HEAD").trim());
        String[] numstat = sh(repository, Map.of(), "git log --no-merges --numstat --format= HEAD"
                + " | awk -F'\\t' '$1 != \"-\" { a += $1; d += $2 } END { print a + 0, d + 0 }'").trim().split(" ");
        String days = sh(repository, UTC, "git log --format=%ad --date=format-local:%Y-%m-%d HEAD | sort -u | wc -l");
        long first = Long.parseLong(sh(repository, UTC, "git log --format=%at HEAD | sort -n | head -1").trim());
        long last = Long.parseLong(sh(repository, UTC, "git log --format=%at HEAD | sort -n | tail -1").trim());

        assertThat(summary.commitCount()).as("git rev-list --count").isEqualTo(revList);
        assertThat(summary.additions()).as("numstat additions").isEqualTo(Long.parseLong(numstat[0]));
        assertThat(summary.deletions()).as("numstat deletions").isEqualTo(Long.parseLong(numstat[1]));
        assertThat(summary.codeChurn()).isEqualTo(Long.parseLong(numstat[0]) + Long.parseLong(numstat[1]));
        assertThat(summary.activeDays()).as("distinct UTC author dates").isEqualTo(Integer.parseInt(days.trim()));
        assertThat(summary.firstCommit()).isEqualTo(Instant.ofEpochSecond(first));
        assertThat(summary.lastCommit()).isEqualTo(Instant.ofEpochSecond(last));
        assertThat(summary.timeSpentMinutes()).isEqualTo((last - first) / 60);
    }
}
