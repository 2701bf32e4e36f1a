package io.gitinsight.analysis.metrics.pulls;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static io.gitinsight.analysis.metrics.pulls.TestData.pr;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;

class RevertsAndHotfixesTest {

    private static final String FULL_SHA = "0123456789abcdef0123456789abcdef01234567";

    @Test
    void revertsAreRecognisedBySubjectOrByTheRevertedSha() {
        assertThat(Reverts.isRevert("Revert \"Add cache\"\n\nThis reverts commit " + FULL_SHA + ".")).isTrue();
        assertThat(Reverts.isRevert("Undo the cache\n\nThis reverts commit ABC1234.")).isTrue();
        assertThat(Reverts.isRevert("Revert the cache")).as("no quote").isFalse();
        assertThat(Reverts.isRevert("This reverts commit abc12.")).as("5 hex digits").isFalse();
        assertThat(Reverts.isRevert("Mention git revert in the docs")).isFalse();
        assertThat(Reverts.revertedSha("x\n\nThis reverts commit " + FULL_SHA + ".")).contains(FULL_SHA);
        assertThat(Reverts.revertedSha("x\n\nThis reverts commit ABC1234.")).contains("abc1234");
    }

    @Test
    void hotfixPullRequestsMatchTheirBranchOrTitleInAnyCase() {
        assertThat(Hotfixes.isHotfix(pr(1).head("hotfix/login", "h").build())).isTrue();
        assertThat(Hotfixes.isHotfix(pr(2).title("HOTFIX: null pointer").build())).isTrue();
        assertThat(Hotfixes.isHotfix(pr(3).head("feature/y", "h").title("Add thing").build())).isFalse();
    }

    @Test
    void hotfixMergesAreRecognisedByTheBranchTheyMerge() {
        assertThat(Hotfixes.isHotfixMerge(commit("a").message("Merge branch 'hotfix/payment'").build())).isTrue();
        assertThat(Hotfixes.isHotfixMerge(commit("b").message("Merge remote-tracking branch 'origin/hotfix/db'")
                .build())).isTrue();
        assertThat(Hotfixes.isHotfixMerge(commit("c").message("Merge pull request #14 from acme/hotfix/cache")
                .build())).isTrue();
        assertThat(Hotfixes.isHotfixMerge(commit("d").message("Merge branch 'feature/hotfixes-doc'").build()))
                .isFalse();
        assertThat(Hotfixes.isHotfixMerge(commit("e").message("Fix the hotfix/ script").build())).isFalse();
    }

    @Test
    void eachHotfixAndRevertCountsOnceInTheWindowWhereItLanded() {
        List<PullRequest> prs = List.of(
                pr(10).head("hotfix/login", "h10").merged("2026-03-10T00:00", "mh10").build(),
                pr(11).title("HOTFIX: null pointer").merged("2026-03-11T00:00", "s11").build(),
                pr(12).title("Add thing").merged("2026-03-12T00:00", "s12").build(),
                pr(13).head("hotfix/open", "h13").build());
        List<Commit> history = List.of(
                commit("mh10").message("Merge pull request #10 from acme/hotfix/login").committed("2026-03-10T00:00")
                        .build(),
                commit("p").message("Merge branch 'hotfix/payment'").committed("2026-03-15T00:00").build(),
                commit("c14").message("Merge pull request #14 from acme/hotfix/cache").committed("2026-03-16T00:00")
                        .build(),
                commit("db").message("Merge remote-tracking branch 'origin/hotfix/db'").committed("2026-02-20T00:00")
                        .build(),
                commit("r1").message("Revert \"Add thing\"").authored("2026-02-27T00:00").committed("2026-03-12T00:00")
                        .build(),
                commit("r2").message("Undo\n\nThis reverts commit abc1234.").committed("2026-02-01T00:00").build());

        // hotfixes: #10 (its merge commit is the same hotfix), #11, 'hotfix/payment', #14 (a PR we do not hold),
        // 'origin/hotfix/db' = 5; in [03-02, 04-01) the db merge (02-20) drops out → 4. #12 is no hotfix, #13 not
        // merged. Reverts land at their committer date: r1 (03-12) in the window, r2 (02-01) not.
        assertThat(Hotfixes.all(history, prs)).hasSize(5);
        assertThat(ChangeSignals.count(history, prs, Window.of("30d", at("2026-04-01T00:00"))))
                .isEqualTo(new ChangeSignals(1, 4));
    }
}
