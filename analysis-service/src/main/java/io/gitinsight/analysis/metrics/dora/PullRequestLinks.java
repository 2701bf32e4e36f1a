package io.gitinsight.analysis.metrics.dora;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.pulls.PullRequestCommits;

/**
 * Which merged pull request a commit of the history belongs to. Squash and rebase merges leave new commits on the
 * branch, so besides the PR's own (head) commits and its merge commit, a commit is linked by the PR number GitHub
 * writes into the message: {@code Title (#123)} for a squash, {@code Merge pull request #123 from …} for a merge.
 * A number that names no merged PR of the list links nothing.
 */
final class PullRequestLinks {

    private static final Pattern SQUASH_NUMBER = Pattern.compile("\\(#(\\d+)\\)");
    private static final Pattern MERGE_NUMBER = Pattern.compile("^Merge pull request #(\\d+) ");

    private final Map<Integer, PullRequest> byNumber = new HashMap<>();
    private final Map<String, PullRequest> bySha = new HashMap<>();

    PullRequestLinks(List<PullRequest> pullRequests, PullRequestCommits commits) {
        // a commit in two PRs (stacked branches) belongs to the one merged first
        List<PullRequest> merged = pullRequests.stream()
                .filter(PullRequest::merged)
                .sorted(Comparator.comparing(PullRequest::mergedAt))
                .toList();
        for (PullRequest pr : merged) {
            byNumber.put(pr.number(), pr);
            commits.shas(pr).forEach(sha -> bySha.putIfAbsent(sha, pr));
            if (pr.headSha() != null) {
                bySha.putIfAbsent(pr.headSha(), pr);
            }
            if (pr.mergeCommitSha() != null) {
                bySha.putIfAbsent(pr.mergeCommitSha(), pr);
            }
        }
    }

    Optional<PullRequest> of(Commit commit) {
        Optional<PullRequest> byMessage = numberIn(commit.message()).map(byNumber::get);
        return byMessage.isPresent() ? byMessage : Optional.ofNullable(bySha.get(commit.sha()));
    }

    private static Optional<Integer> numberIn(String message) {
        Matcher merge = MERGE_NUMBER.matcher(message);
        if (merge.find()) {
            return Optional.of(Integer.parseInt(merge.group(1)));
        }
        String subject = message.lines().findFirst().orElse("");
        Matcher squash = SQUASH_NUMBER.matcher(subject);
        Integer last = null;
        while (squash.find()) {
            last = Integer.parseInt(squash.group(1));
        }
        return Optional.ofNullable(last);
    }
}
