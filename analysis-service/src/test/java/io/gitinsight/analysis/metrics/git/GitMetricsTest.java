package io.gitinsight.analysis.metrics.git;

import static io.gitinsight.analysis.metrics.git.HistoryBuilder.who;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;

class GitMetricsTest {

    private static final Identity ALICE = who("Alice", "alice@example.com");
    private static final Identity BOB = who("Bob", "bob@example.com");

    /**
     * c1 (Alice, 23:30 at -02:00 = 01-06 01:30Z): A.java +10, logo.png binary; c2 (Bob, 01-06 08:00Z): A.java +3 -2;
     * c3 on c1 (Alice, 01-07 00:15Z): B.java +5; c4 merges c2 and c3 (01-08 10:00Z); c5 (Bob, 22:00:59 at -05:00 =
     * 01-09 03:00:59Z): renames B.java +1 -1.
     */
    private static List<Commit> history() {
        HistoryBuilder history = new HistoryBuilder();
        String c1 = history.commit(ALICE, "2026-01-05T23:30:00-02:00").change("A.java", 10, 0).binary("logo.png")
                .done();
        String c2 = history.commit(BOB, "2026-01-06T09:00:00+01:00").change("A.java", 3, 2).done();
        String c3 = history.commit(ALICE, "2026-01-07T00:15:00Z").on(c1).change("B.java", 5, 0).done();
        history.merge(BOB, "2026-01-08T10:00:00Z", c2, c3);
        history.commit(BOB, "2026-01-08T22:00:59-05:00").rename("B.java", "C.java", 1, 1).done();
        return history.build();
    }

    @Test
    void countsMergesAsCommitsButNotTheirLines() {
        GitSummary summary = GitMetrics.summarize(history());

        assertThat(summary.commitCount()).isEqualTo(5);
        // 10 + 0 (binary) + 3 + 5 + 1 = 19 added, 2 + 1 = 3 deleted; the merge brings none
        assertThat(summary.additions()).isEqualTo(19);
        assertThat(summary.deletions()).isEqualTo(3);
        assertThat(summary.codeChurn()).isEqualTo(22);
    }

    @Test
    void countsDaysAndMinutesInUtc() {
        GitSummary summary = GitMetrics.summarize(history());

        // UTC dates 01-06 (c1, c2), 01-07, 01-08, 01-09: c1 and c5 fall on other days in their own zones
        assertThat(summary.activeDays()).isEqualTo(4);
        assertThat(summary.firstCommit()).isEqualTo(Instant.parse("2026-01-06T01:30:00Z"));
        assertThat(summary.lastCommit()).isEqualTo(Instant.parse("2026-01-09T03:00:59Z"));
        // 01-06 01:30 → 01-09 03:00:59 is 3 days 1 h 30 min 59 s: 4320 + 90 = 4410 whole minutes
        assertThat(summary.timeSpentMinutes()).isEqualTo(4410);
    }

    @Test
    void ignoresMergeFilesAndBinaryCountsEvenWhenARecordCarriesThem() {
        HistoryBuilder history = new HistoryBuilder();
        String c1 = history.commit(ALICE, "2026-02-01T10:00:00Z").change("a.txt", 4, 0).done();
        String c2 = history.commit(BOB, "2026-02-01T11:00:00Z").on(c1).change("b.txt", 2, 0).done();
        history.commit(ALICE, "2026-02-01T12:00:00Z").on(c1, c2).change("b.txt", 100, 100).done();
        List<Commit> commits = new ArrayList<>(history.build());
        Commit c4 = new Commit("c4", List.of("c3"), BOB, commits.get(0).authoredAt(), BOB, commits.get(0).authoredAt(),
                "binary", List.of(), List.of(new FileChange("img.png", null, 7, 7, true)));
        commits.add(c4);

        GitSummary summary = GitMetrics.summarize(commits);

        assertThat(summary.additions()).isEqualTo(4 + 2);
        assertThat(summary.deletions()).isZero();
    }

    @Test
    void countsACommitListedTwiceOnce() {
        List<Commit> once = history();
        List<Commit> twice = new ArrayList<>(once);
        twice.addAll(once.subList(0, 2));

        assertThat(GitMetrics.summarize(twice)).isEqualTo(GitMetrics.summarize(once));
    }

    @Test
    void summarizesAnEmptyHistoryAsNothing() {
        assertThat(GitMetrics.summarize(List.of())).isEqualTo(new GitSummary(0, 0, 0, 0, 0, null, null));
    }
}
