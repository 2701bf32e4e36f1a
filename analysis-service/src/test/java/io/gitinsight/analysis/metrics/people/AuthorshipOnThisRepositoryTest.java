package io.gitinsight.analysis.metrics.people;

import static io.gitinsight.analysis.metrics.git.GitCli.git;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.git.GitCli;
import io.gitinsight.analysis.metrics.git.GitLog;
import io.gitinsight.analysis.metrics.loc.VendoredPaths;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.SourceFile;

/**
 * Each file at this repository's tip against {@code git log --follow}: the changes the engine finds along
 * the file's renames (its creation plus everyone's deliveries) are the commits git lists for it. This
 * repository has renames and copies between modules, so both are exercised.
 */
class AuthorshipOnThisRepositoryTest {

    @Test
    void findsTheCommitsGitFollowsForEveryFileAtTheTip() throws Exception {
        Path root = GitCli.repositoryRoot();
        assertThat(git(root, "rev-parse", "--is-shallow-repository").trim()).as("a shallow clone").isEqualTo("false");
        List<Commit> history = GitLog.read(root, "HEAD");
        List<SourceFile> tip = git(root, "ls-files").lines().filter(path -> !VendoredPaths.isVendored(path))
                .map(path -> new SourceFile(path, null, 0, 0, 0, 0)).toList();
        Roster roster = new IdentityResolver(null, null).resolve(history, List.of(), List.of());

        List<FileAuthorship> files = Authorship.of(history, tip, roster);
        Map<String, String> mismatches = new TreeMap<>();
        for (FileAuthorship file : files) {
            long followed = followedCommits(root, file.path());
            long found = file.developers().isEmpty() ? 0
                    : 1 + file.developers().stream().mapToLong(DeveloperDoa::deliveries).sum();
            if (found != followed) {
                mismatches.put(file.path(), "git " + followed + ", engine " + found);
            }
        }

        assertThat(files).hasSize(tip.size());
        assertThat(mismatches).isEmpty();
        assertThat(roster.people()).noneMatch(Person::bot);
    }

    /**
     * The commits {@code git log --follow} lists for a path, newest first, up to the one where the file was
     * copied from another: {@code --follow} always finds copies, but like Avelino et al.'s tool the engine
     * follows renames only ({@code -M}), where a copy is the file's creation.
     */
    private static long followedCommits(Path root, String path) throws Exception {
        long commits = 0;
        for (String line : git(root, "log", "--follow", "--no-merges", "--format=@%H", "--name-status", "HEAD", "--",
                path).lines().toList()) {
            if (line.startsWith("@")) {
                commits++;
            } else if (line.startsWith("C")) {
                break;
            }
        }
        return commits;
    }
}
