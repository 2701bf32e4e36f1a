package io.gitinsight.analysis.metrics.git;

import static io.gitinsight.analysis.metrics.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
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
    void matchesGitsOneLinersForEveryFigure() throws Exception {
        GitSummary summary = GitMetrics.summarize(history);

        GitReference.assertSummaryMatchesGit(root, summary);
        assertThat(summary.commitCount()).isPositive();
        assertThat(summary.additions()).isPositive();
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
