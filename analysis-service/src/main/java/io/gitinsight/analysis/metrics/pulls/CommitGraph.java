package io.gitinsight.analysis.metrics.pulls;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import io.gitinsight.analysis.metrics.model.Commit;

/**
 * The history as a DAG over full shas. Parents missing from the list (a shallow or partial history) end a walk
 * instead of failing it.
 */
public final class CommitGraph {

    private final Map<String, Commit> bySha = new HashMap<>();

    public CommitGraph(Collection<Commit> commits) {
        commits.forEach(c -> bySha.put(c.sha(), c));
    }

    public Optional<Commit> commit(String sha) {
        return Optional.ofNullable(sha == null ? null : bySha.get(sha));
    }

    public boolean contains(String sha) {
        return sha != null && bySha.containsKey(sha);
    }

    /** {@code sha} and all its ancestors known to the history; empty when {@code sha} is unknown. */
    public Set<String> ancestry(String sha) {
        return reachableFromButNot(sha, List.of());
    }

    /**
     * What {@code git rev-list tip ^excluded...} lists: commits reachable from {@code tip} (itself included) that
     * no excluded tip reaches. Returned in walk order, tip first.
     */
    public Set<String> reachableFromButNot(String tip, Collection<String> excludedTips) {
        Set<String> excluded = new HashSet<>();
        for (String e : excludedTips) {
            walk(e, excluded, Set.of());
        }
        return reachableAvoiding(tip, excluded);
    }

    /**
     * Commits reachable from {@code tip} without passing through {@code avoid}. When {@code avoid} is closed
     * under ancestry (all ancestors of a member are members, as for a union of {@link #ancestry} results), this is
     * the reachable set minus {@code avoid} at the cost of walking only the new part.
     */
    public Set<String> reachableAvoiding(String tip, Set<String> avoid) {
        Set<String> reached = new LinkedHashSet<>();
        walk(tip, reached, avoid);
        return reached;
    }

    /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
    public boolean isAncestor(String ancestor, String descendant) {
        return contains(ancestor) && ancestry(descendant).contains(ancestor);
    }

    private void walk(String from, Set<String> into, Set<String> stopAt) {
        Deque<String> todo = new ArrayDeque<>();
        if (contains(from)) {
            todo.push(from);
        }
        while (!todo.isEmpty()) {
            String sha = todo.pop();
            if (stopAt.contains(sha) || !into.add(sha)) {
                continue;
            }
            for (String parent : bySha.get(sha).parents()) {
                if (contains(parent) && !into.contains(parent) && !stopAt.contains(parent)) {
                    todo.push(parent);
                }
            }
        }
    }
}
