package io.gitinsight.analysis.metrics.pulls;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;

/**
 * A pull request's own commits. Ingestion lists them when GitHub's GraphQL gave them; otherwise they are found
 * in the history through the merge commit: for a true merge (two parents) the commits reachable from its second
 * parent but not from its first (what {@code git log M^1..M^2} shows); for a squash or rebase merge (one parent)
 * the merge commit itself, the only trace the PR left on the branch.
 */
public final class PullRequestCommits {

    private final CommitGraph graph;

    public PullRequestCommits(CommitGraph graph) {
        this.graph = graph;
    }

    /** The shas of the PR's commits; empty when neither GitHub nor the history knows them. */
    public List<String> shas(PullRequest pr) {
        if (!pr.commits().isEmpty()) {
            return pr.commits().stream().map(PullRequest.PullRequestCommit::sha).toList();
        }
        Optional<Commit> merge = graph.commit(pr.mergeCommitSha());
        if (merge.isEmpty()) {
            return List.of();
        }
        List<String> parents = merge.get().parents();
        if (parents.size() == 2) {
            return List.copyOf(graph.reachableFromButNot(parents.get(1), List.of(parents.get(0))));
        }
        return List.of(merge.get().sha());
    }

    /** The earliest author date among the PR's commits, if any is known. */
    public Optional<Instant> firstAuthoredAt(PullRequest pr) {
        if (!pr.commits().isEmpty()) {
            return pr.commits().stream()
                    .map(c -> c.authoredAt() != null ? c.authoredAt()
                            : graph.commit(c.sha()).map(h -> h.authoredAt().toInstant()).orElse(null))
                    .filter(Objects::nonNull)
                    .min(Instant::compareTo);
        }
        return shas(pr).stream()
                .map(graph::commit)
                .flatMap(Optional::stream)
                .map(c -> c.authoredAt().toInstant())
                .min(Instant::compareTo);
    }
}
