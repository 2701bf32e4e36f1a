package io.gitinsight.analysis.metrics.pulls;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;

/**
 * Hotfixes (CONTRACT §4): merged PRs whose head branch or title contains {@code hotfix} (any case), and work that
 * reached the branch from a {@code hotfix/*} branch without such a PR, which git shows only through the merge
 * message: {@code Merge branch 'hotfix/…'} (also {@code 'origin/hotfix/…'} and remote-tracking branches) or
 * {@code Merge pull request #N from owner/hotfix/…}.
 *
 * <p>
 * Each hotfix counts once: a hotfix PR merged with a merge commit is the same hotfix as its merge commit, so a
 * merge naming a PR already counted is not counted again.
 */
public final class Hotfixes {

    private static final Pattern BRANCH_MERGE = Pattern
            .compile("^Merge (?:remote-tracking )?branch '(?:[^'\\s]*/)?hotfix/[^']*'");
    private static final Pattern PULL_MERGE = Pattern.compile("^Merge pull request #(\\d+) from [^\\s/]+/hotfix/");

    private Hotfixes() {
    }

    /** One hotfix: when it landed, and the PR number or merge commit that shows it. */
    public record Hotfix(Instant at, Integer pullRequest, String sha) {
    }

    public static boolean isHotfix(PullRequest pr) {
        return contains(pr.headRef()) || contains(pr.title());
    }

    /** Whether this commit is the merge of a {@code hotfix/*} branch. */
    public static boolean isHotfixMerge(Commit commit) {
        return BRANCH_MERGE.matcher(commit.message()).find() || PULL_MERGE.matcher(commit.message()).find();
    }

    /** Every hotfix that landed: merged hotfix PRs at their merge, other hotfix merges at their commit date. */
    public static List<Hotfix> all(List<Commit> commits, List<PullRequest> pullRequests) {
        List<Hotfix> hotfixes = new ArrayList<>();
        Set<Integer> counted = new HashSet<>();
        for (PullRequest pr : pullRequests) {
            if (pr.merged() && isHotfix(pr)) {
                hotfixes.add(new Hotfix(pr.mergedAt(), pr.number(), pr.mergeCommitSha()));
                counted.add(pr.number());
            }
        }
        for (Commit c : commits) {
            if (isHotfixMerge(c) && pullNumber(c).filter(counted::contains).isEmpty()) {
                hotfixes.add(new Hotfix(landedAt(c), pullNumber(c).orElse(null), c.sha()));
            }
        }
        hotfixes.sort(Comparator.comparing(Hotfix::at));
        return hotfixes;
    }

    /**
     * When a commit landed on the branch: its committer date (a squash or rebase merge is committed at the merge,
     * while its author date is when the work was first written).
     */
    public static Instant landedAt(Commit c) {
        return (c.committedAt() != null ? c.committedAt() : c.authoredAt()).toInstant();
    }

    private static Optional<Integer> pullNumber(Commit c) {
        Matcher m = PULL_MERGE.matcher(c.message());
        return m.find() ? Optional.of(Integer.parseInt(m.group(1))) : Optional.empty();
    }

    private static boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("hotfix");
    }
}
