package io.gitinsight.analysis.metrics.git;

import static io.gitinsight.analysis.metrics.git.GitCli.git;
import static io.gitinsight.analysis.metrics.git.GitCli.sh;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;

/**
 * The git figures of this project's own history (read by {@link GitLog}) against git's one-liners for each
 * definition of CONTRACT §4. The comparisons need the whole history, so a shallow clone fails here.
 */
class GitMetricsOnThisRepositoryTest {

    private static final Map<String, String> UTC = Map.of("TZ", "UTC");

    private static Path root;
    private static List<Commit> history;

    @BeforeAll
    static void readHistory() throws Exception {
        root = GitCli.repositoryRoot();
        assertThat(git(root, "rev-parse", "--is-shallow-repository").trim())
                .as("%s is a shallow clone: the history metrics need every commit (git fetch --unshallow)", root)
                .isEqualTo("false");
        history = GitLog.read(root, "HEAD");
    }

    @Test
    void countsWhatRevListCounts() throws Exception {
        long revList = Long.parseLong(git(root, "rev-list", "--count", "HEAD").trim());

        assertThat(GitMetrics.summarize(history).commitCount()).isEqualTo(revList).isPositive();
    }

    @Test
    void sumsWhatNumstatWithoutMergesReports() throws Exception {
        String[] totals = sh(root, Map.of(), "git log --no-merges --numstat --format= HEAD"
                + " | awk -F'\\t' '$1 != \"-\" { a += $1; d += $2 } END { print a + 0, d + 0 }'").trim().split(" ");

        GitSummary summary = GitMetrics.summarize(history);
        assertThat(summary.additions()).isEqualTo(Long.parseLong(totals[0])).isPositive();
        assertThat(summary.deletions()).isEqualTo(Long.parseLong(totals[1]));
        assertThat(summary.codeChurn()).isEqualTo(Long.parseLong(totals[0]) + Long.parseLong(totals[1]));
    }

    @Test
    void countsTheDistinctUtcDatesGitShows() throws Exception {
        String days = sh(root, UTC, "git log --format=%ad --date=format-local:%Y-%m-%d HEAD | sort -u | wc -l");

        assertThat(GitMetrics.summarize(history).activeDays()).isEqualTo(Integer.parseInt(days.trim()));
    }

    @Test
    void spansTheEarliestToTheLatestAuthorDate() throws Exception {
        long first = Long.parseLong(sh(root, UTC, "git log --format=%at HEAD | sort -n | head -1").trim());
        long last = Long.parseLong(sh(root, UTC, "git log --format=%at HEAD | sort -n | tail -1").trim());

        GitSummary summary = GitMetrics.summarize(history);
        assertThat(summary.firstCommit()).isEqualTo(Instant.ofEpochSecond(first));
        assertThat(summary.lastCommit()).isEqualTo(Instant.ofEpochSecond(last));
        assertThat(summary.timeSpentMinutes()).isEqualTo((last - first) / 60);
    }

    @Test
    void ordersEveryCommitBeforeItsParents() {
        List<Commit> ordered = HistoryOrder.newestFirst(history);

        Map<String, Integer> position = new HashMap<>();
        for (int i = 0; i < ordered.size(); i++) {
            position.put(ordered.get(i).sha(), i);
        }
        assertThat(ordered).hasSameSizeAs(history);
        for (Commit commit : ordered) {
            commit.parents().forEach(parent -> assertThat(position.get(parent)).as(commit.sha() + " → " + parent)
                    .isGreaterThan(position.get(commit.sha())));
        }
    }
}
