package io.gitinsight.analysis.metrics.git;

import static io.gitinsight.analysis.metrics.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;

/** What this repository lacks: binaries, a merge, author dates in several zones, a co-author, built with git. */
class GitMetricsOnABuiltRepositoryTest {

    @TempDir
    Path dir;

    @Test
    void matchesGitOnBinariesRenamesMergesAndZones() throws Exception {
        git(dir, "init", "-q");
        write("src/App.java", "class App {\n  int a;\n  int b;\n}\n");
        commit("Ada", "initial", "2026-01-05T23:30:00-02:00");
        Files.write(dir.resolve("logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, 3 });
        commit("Ada", "binary\n\nCo-authored-by: Pair Person <pair@example.com>", "2026-01-06T09:00:00+01:00");
        git(dir, "checkout", "-q", "-b", "feature");
        write("docs/guide.md", "one\ntwo\nthree\n");
        commit("Bo", "feature work", "2026-01-07T00:15:00Z");
        git(dir, "checkout", "-q", "main");
        git(dir, "mv", "src/App.java", "src/Main.java");
        write("src/Main.java", "class App {\n  int a;\n  int b;\n  int c;\n}\n");
        commit("Ada", "rename with an edit", "2026-01-08T22:00:59-05:00");
        git(dir, env("Bo", "2026-01-10T12:00:00Z"), "merge", "-q", "--no-ff", "-m", "Merge feature", "feature");

        List<Commit> history = GitLog.read(dir, "HEAD");
        GitReference.assertSummaryMatchesGit(dir, GitMetrics.summarize(history));

        // and the figures themselves: 5 commits; 4 + 0 (binary) + 3 + 1 added, 0 deleted; UTC days 01-06,
        // 01-07, 01-09 (the rename, 03:00:59Z), 01-10; 01-06 01:30 → 01-10 12:00 = 4 d 10 h 30 min = 6390 min
        assertThat(GitMetrics.summarize(history)).isEqualTo(new GitSummary(5, 8, 0, 4, 6390,
                Instant.parse("2026-01-06T01:30:00Z"), Instant.parse("2026-01-10T12:00:00Z")));
        assertThat(history).filteredOn(c -> c.message().startsWith("binary")).singleElement().satisfies(c -> {
            assertThat(c.files()).containsExactly(new FileChange("logo.png", null, 0, 0, true));
            assertThat(c.coAuthors()).containsExactly(new Identity("Pair Person", "pair@example.com"));
        });
        assertThat(history).flatExtracting(Commit::files).contains(
                new FileChange("src/Main.java", "src/App.java", 1, 0, false));
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    private void commit(String author, String message, String date) throws Exception {
        git(dir, "add", "-A");
        git(dir, env(author, date), "commit", "-q", "-m", message);
    }

    private static Map<String, String> env(String author, String date) {
        String email = author.toLowerCase() + "@example.com";
        return Map.of("GIT_AUTHOR_NAME", author, "GIT_AUTHOR_EMAIL", email, "GIT_AUTHOR_DATE", date,
                "GIT_COMMITTER_NAME", author, "GIT_COMMITTER_EMAIL", email, "GIT_COMMITTER_DATE", date);
    }
}
