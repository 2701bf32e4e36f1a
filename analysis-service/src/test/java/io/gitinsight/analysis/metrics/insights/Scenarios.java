package io.gitinsight.analysis.metrics.insights;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static io.gitinsight.analysis.metrics.pulls.TestData.pr;

import java.time.Instant;
import java.util.List;

import io.gitinsight.analysis.metrics.insights.InsightInputs.AuthorFiles;
import io.gitinsight.analysis.metrics.insights.InsightInputs.BusFactor;
import io.gitinsight.analysis.metrics.insights.InsightInputs.Comparison;
import io.gitinsight.analysis.metrics.insights.InsightInputs.ContributorCommits;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Release;

/** Inputs that trigger each insight, shared by the per-insight tests and the engine test. */
final class Scenarios {

    static final Instant NOW = at("2026-06-01T00:00");

    private Scenarios() {
    }

    static InsightInputs.Builder inputs() {
        return InsightInputs.builder("90d", NOW);
    }

    static BusFactor busFactorOfOne() {
        return new BusFactor(1, 140, List.of(new AuthorFiles("alice", 87), new AuthorFiles("bob", 30)));
    }

    static Comparison slowPickup() {
        return new Comparison(31.5, 10.0, 12, 8);
    }

    static Comparison slowerCycleTime() {
        return new Comparison(45.0, 20.0, 12, 9);
    }

    static Comparison fewerCommits() {
        return new Comparison(33.0, 60.0, 33, 60);
    }

    static Comparison moreFailures() {
        return new Comparison(0.4, 0.1, 10, 20);
    }

    static List<FileChurn> hotFile() {
        return List.of(new FileChurn("src/Core.java", 650, 3, 3), new FileChurn("src/Util.java", 620, 2, 2));
    }

    static List<ContributorCommits> aliceDominates() {
        return List.of(new ContributorCommits("bob", 10), new ContributorCommits("alice", 45),
                new ContributorCommits("carol", 5));
    }

    /** Open at 06-01: #1 100 days, #5 61, #2 40 (stale); a draft, one ready 12 days ago, one a week old. */
    static List<PullRequest> openPullRequests() {
        return List.of(pr(1).title("Add X").author("bob").created("2026-02-21T00:00").build(),
                pr(2).created("2026-04-22T00:00").build(),
                pr(3).draft().created("2026-01-01T00:00").build(),
                pr(4).created("2026-03-01T00:00").ready("2026-05-20T00:00").build(),
                pr(5).created("2026-04-01T00:00").build(),
                pr(7).created("2026-05-25T00:00").build());
    }

    /** v1.0.0 … v1.3.0 every 14 days from 01-01 to 02-12, then only a prerelease and a draft. */
    static List<Release> releasesEveryTwoWeeksUntilFebruary() {
        return List.of(release(1, "v1.0.0", "2026-01-01T00:00", false, false),
                release(2, "v1.1.0", "2026-01-15T00:00", false, false),
                release(3, "v1.2.0", "2026-01-29T00:00", false, false),
                release(4, "v1.3.0", "2026-02-12T00:00", false, false),
                release(5, "v2.0.0-rc1", "2026-05-01T00:00", false, true),
                release(6, "v2.0.0", "2026-05-10T00:00", true, false));
    }

    private static Release release(long id, String tag, String published, boolean draft, boolean prerelease) {
        return new Release(id, tag, tag, draft, prerelease, at(published), draft ? null : at(published), "alice");
    }
}
