package io.gitinsight.analysis.metrics.dora;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.pulls.CommitGraph;
import io.gitinsight.analysis.metrics.pulls.Hours;
import io.gitinsight.analysis.metrics.pulls.PullRequestCommits;

/**
 * Lead time for changes: for each successful production deployment, the changes it shipped are the commits
 * reachable from its sha and not from the previous successful production deployment's sha
 * ({@code git rev-list prev..this}). A change is a merged pull request (all its commits count once, from the PR's
 * first commit authored) or a direct non-merge commit (from its own author date); a merge commit linked to no PR
 * ships nothing of its own — the commits it brought in are counted themselves.
 *
 * <p>
 * The first successful deployment the data knows has no previous one: what it shipped cannot be told apart from
 * everything written before deployments were recorded (years, for an old repository), so it gives no samples. The
 * same holds for a deployment whose sha, or whose predecessor's sha, is not in the history.
 */
final class LeadTimes {

    private final CommitGraph graph;
    private final PullRequestCommits pullRequestCommits;
    private final PullRequestLinks links;

    LeadTimes(CommitGraph graph, List<PullRequest> pullRequests) {
        this.graph = graph;
        this.pullRequestCommits = new PullRequestCommits(graph);
        this.links = new PullRequestLinks(pullRequests, pullRequestCommits);
    }

    /** Hours from each shipped change's first commit to {@code deployment} finishing. */
    List<Double> samples(Deployment deployment, Deployment previous) {
        if (previous == null || !graph.contains(deployment.sha()) || !graph.contains(previous.sha())) {
            return List.of();
        }
        Instant finished = deployment.finishedAt().orElseThrow();
        Map<String, Instant> firstCommitByChange = new LinkedHashMap<>();
        for (String sha : graph.reachableFromButNot(deployment.sha(), List.of(previous.sha()))) {
            Commit commit = graph.commit(sha).orElseThrow();
            Optional<PullRequest> pr = links.of(commit);
            if (pr.isPresent()) {
                Instant first = pullRequestCommits.firstAuthoredAt(pr.get()).orElse(commit.authoredAt().toInstant());
                firstCommitByChange.putIfAbsent("#" + pr.get().number(), first);
            } else if (!commit.isMerge()) {
                firstCommitByChange.put(sha, commit.authoredAt().toInstant());
            }
        }
        List<Double> hours = new ArrayList<>();
        firstCommitByChange.values().forEach(first -> hours.add(Hours.between(first, finished)));
        return hours;
    }
}
