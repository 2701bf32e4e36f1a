package io.gitinsight.ingestion.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.gitinsight.ingestion.domain.CommitRecord;
import io.gitinsight.ingestion.domain.FileChange;

/** The reader against the git CLI, on a history built to hit every case and on this project's own. */
class HistoryReaderTest {

    @TempDir
    Path dir;

    @Test
    void matchesGitOnAHistoryWithRenamesBinariesMergesAndCoAuthors() throws Exception {
        GitCli.run(dir, "init", "-q");
        write("src/App.java", "class App {\n  int a;\n  int b;\n}\n");
        write("README.md", "# demo\n\nline\n");
        commit("initial", "2026-01-05T10:00:00+01:00");
        write("src/App.java", "class App {\n  int a;\n  int c;\n  int d;\n}\n");
        commit("change App\n\nCo-authored-by: Pair Person <pair@example.com>\nCo-authored-by: bot [bot] <1+bot[bot]@users.noreply.github.com>",
                "2026-01-06T11:00:00Z");
        GitCli.run(dir, "mv", "src/App.java", "src/Main.java");
        write("src/Main.java", "class App {\n  int a;\n  int c;\n  int d;\n  int e;\n}\n");
        commit("rename with an edit", "2026-01-07T12:00:00-05:00");
        Files.write(dir.resolve("logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 1, 2, 3 });
        commit("binary", "2026-01-08T12:00:00Z");
        GitCli.run(dir, "checkout", "-q", "-b", "feature");
        write("docs/guide.md", "one\ntwo\nthree\n");
        commit("feature work", "2026-01-09T12:00:00Z");
        GitCli.run(dir, "checkout", "-q", "main");
        Files.delete(dir.resolve("README.md"));
        commit("drop readme", "2026-01-10T12:00:00Z");
        GitCli.run(dir, Map.of("GIT_AUTHOR_DATE", "2026-01-11T12:00:00Z", "GIT_COMMITTER_DATE", "2026-01-11T12:00:00Z"),
                "merge", "-q", "--no-ff", "-m", "Merge branch 'feature'", "feature");

        List<CommitRecord> commits = read(dir, "main");

        assertMatchesGit(dir, "main", commits);
        assertThat(commits).hasSize(7);
        assertThat(commits.get(6).isMerge()).isTrue();
        assertThat(commits.get(6).files()).isEmpty();
        CommitRecord coAuthored = commits.get(1);
        assertThat(coAuthored.coAuthors()).extracting(CommitRecord.Identity::email)
                .containsExactly("pair@example.com", "1+bot[bot]@users.noreply.github.com");
        assertThat(coAuthored.files()).containsExactly(new FileChange("src/App.java", null, 2, 1, false));
        assertThat(commits.get(2).files()).containsExactly(new FileChange("src/Main.java", "src/App.java", 1, 0, false));
        assertThat(commits.get(3).files()).containsExactly(new FileChange("logo.png", null, 0, 0, true));
        assertThat(commits.get(2).authoredAt().toString()).isEqualTo("2026-01-07T12:00-05:00");
    }

    @Test
    void readsOnlyWhatCameAfterThePreviousHead() throws Exception {
        GitCli.run(dir, "init", "-q");
        write("a.txt", "1\n");
        commit("one", "2026-02-01T00:00:00Z");
        String first = GitCli.run(dir, "rev-parse", "HEAD").trim();
        write("a.txt", "1\n2\n");
        commit("two", "2026-02-02T00:00:00Z");

        try (Repository repository = open(dir)) {
            List<CommitRecord> commits = new ArrayList<>();
            int count = new HistoryReader(repository).read(repository.resolve("main"), repository.resolve(first),
                    commits::add);
            assertThat(count).isEqualTo(1);
            assertThat(commits.get(0).message()).isEqualTo("two\n");
        }
    }

    @Test
    void matchesGitOnThisProjectsOwnHistory() throws Exception {
        Path root = Path.of(GitCli.run(Path.of("").toAbsolutePath(), "rev-parse", "--show-toplevel").trim());

        assertMatchesGit(root, "HEAD", read(root, "HEAD"));
    }

    private static void assertMatchesGit(Path repo, String ref, List<CommitRecord> commits) throws Exception {
        Map<String, long[]> expected = GitCli.numstat(repo, ref);
        Map<String, long[]> actual = new LinkedHashMap<>();
        for (CommitRecord commit : commits) {
            if (!commit.isMerge()) {
                long[] totals = new long[3];
                for (FileChange file : commit.files()) {
                    totals[0] += file.additions();
                    totals[1] += file.deletions();
                    totals[2]++;
                }
                actual.put(commit.sha(), totals);
            }
        }
        assertThat(actual.keySet()).containsExactlyInAnyOrderElementsOf(expected.keySet());
        expected.forEach((sha, totals) -> assertThat(actual.get(sha)).as(sha).containsExactly(totals));
        long revList = Long.parseLong(GitCli.run(repo, "rev-list", "--count", ref).trim());
        assertThat(commits).hasSize((int) revList);
    }

    private static List<CommitRecord> read(Path repo, String ref) throws Exception {
        try (Repository repository = open(repo)) {
            List<CommitRecord> commits = new ArrayList<>();
            new HistoryReader(repository).read(repository.resolve(ref), null, commits::add);
            return commits;
        }
    }

    private static Repository open(Path repo) throws Exception {
        return new FileRepositoryBuilder().findGitDir(repo.toFile()).setMustExist(true).build();
    }

    private void write(String path, String content) throws Exception {
        Files.createDirectories(dir.resolve(path).getParent() == null ? dir : dir.resolve(path).getParent());
        Files.writeString(dir.resolve(path), content);
    }

    private void commit(String message, String date) throws Exception {
        GitCli.run(dir, "add", "-A");
        GitCli.run(dir, Map.of("GIT_AUTHOR_DATE", date, "GIT_COMMITTER_DATE", date), "commit", "-q", "-m", message);
    }
}
