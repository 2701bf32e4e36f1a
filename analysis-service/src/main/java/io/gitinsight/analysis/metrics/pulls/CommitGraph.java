package io.gitinsight.analysis.metrics.pulls;

import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Comparator;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;

import io.gitinsight.analysis.metrics.model.Commit;

/**
 * The history as a DAG over full shas. Parents missing from the list (a shallow or partial history) end a walk
 * instead of failing it.
 *
 * <p>
 * Set differences ({@code git rev-list a ^b}) walk in decreasing generation number (a root is 1, any other commit
 * one more than its highest parent), as git's commit-graph does: a commit is popped only after every commit that
 * could reach it, so its "uninteresting" mark is final when it is popped, and the walk stops as soon as nothing
 * interesting is left in the queue. Finding a merged branch's commits then costs about the size of the branch, not
 * of the whole history.
 */
public final class CommitGraph {

    private final Map<String, Commit> bySha = new HashMap<>();
    private Map<String, Integer> generations;

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
        return reachableAvoiding(sha, Set.of());
    }

    /**
     * Commits reachable from {@code tip} without passing through {@code avoid}. When {@code avoid} is closed under
     * ancestry (as a union of {@link #ancestry} results is), this is the reachable set minus {@code avoid} at the
     * cost of walking only the new part.
     */
    public Set<String> reachableAvoiding(String tip, Set<String> avoid) {
        Set<String> reached = new LinkedHashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        if (contains(tip)) {
            todo.push(tip);
        }
        while (!todo.isEmpty()) {
            String sha = todo.pop();
            if (avoid.contains(sha) || !reached.add(sha)) {
                continue;
            }
            for (String parent : bySha.get(sha).parents()) {
                if (contains(parent) && !reached.contains(parent)) {
                    todo.push(parent);
                }
            }
        }
        return reached;
    }

    /**
     * What {@code git rev-list tip ^excluded...} lists: commits reachable from {@code tip} (itself included) that
     * no excluded tip reaches, newest generation first. Excluded tips unknown to the history exclude nothing.
     */
    public Set<String> reachableFromButNot(String tip, Collection<String> excludedTips) {
        Set<String> result = new LinkedHashSet<>();
        if (!contains(tip)) {
            return result;
        }
        Map<String, Integer> gen = generations();
        PriorityQueue<String> queue = new PriorityQueue<>(
                Comparator.comparing((String sha) -> gen.get(sha)).reversed().thenComparing(sha -> sha));
        Set<String> queued = new HashSet<>();
        Set<String> uninteresting = new HashSet<>();
        int interestingQueued = 0;
        for (String excluded : excludedTips) {
            if (contains(excluded) && queued.add(excluded)) {
                uninteresting.add(excluded);
                queue.add(excluded);
            }
        }
        if (queued.add(tip)) {
            queue.add(tip);
            interestingQueued++;
        }
        while (interestingQueued > 0) {
            String sha = queue.poll();
            boolean bad = uninteresting.contains(sha);
            if (!bad) {
                interestingQueued--;
                result.add(sha);
            }
            for (String parent : bySha.get(sha).parents()) {
                if (!contains(parent)) {
                    continue;
                }
                if (queued.add(parent)) {
                    queue.add(parent);
                    if (bad) {
                        uninteresting.add(parent);
                    } else {
                        interestingQueued++;
                    }
                } else if (bad && uninteresting.add(parent)) {
                    // queued as interesting and, with a lower generation than this commit, not popped yet
                    interestingQueued--;
                }
            }
        }
        return result;
    }

    /** Whether {@code ancestor} is {@code descendant} or one of its ancestors. */
    public boolean isAncestor(String ancestor, String descendant) {
        if (!contains(ancestor) || !contains(descendant)) {
            return false;
        }
        int floor = generations().get(ancestor);
        Set<String> seen = new HashSet<>();
        Deque<String> todo = new ArrayDeque<>();
        todo.push(descendant);
        while (!todo.isEmpty()) {
            String sha = todo.pop();
            if (sha.equals(ancestor)) {
                return true;
            }
            if (!seen.add(sha)) {
                continue;
            }
            for (String parent : bySha.get(sha).parents()) {
                // an ancestor has a lower generation than all its descendants: nothing below the floor can lead to it
                if (contains(parent) && generations.get(parent) >= floor) {
                    todo.push(parent);
                }
            }
        }
        return false;
    }

    /** Generation numbers, computed once, depth-first without recursion (histories run to 10⁶ commits). */
    private Map<String, Integer> generations() {
        if (generations != null) {
            return generations;
        }
        Map<String, Integer> gen = new HashMap<>();
        Set<String> onStack = new HashSet<>();
        Deque<String> stack = new ArrayDeque<>();
        for (String start : bySha.keySet()) {
            stack.push(start);
            while (!stack.isEmpty()) {
                String sha = stack.peek();
                if (gen.containsKey(sha)) {
                    stack.pop();
                    continue;
                }
                onStack.add(sha);
                int highest = 0;
                boolean ready = true;
                for (String parent : bySha.get(sha).parents()) {
                    // a parent on the stack would be a cycle, which git cannot store: ignore that edge
                    if (!contains(parent) || (onStack.contains(parent) && !gen.containsKey(parent))) {
                        continue;
                    }
                    Integer g = gen.get(parent);
                    if (g == null) {
                        ready = false;
                        stack.push(parent);
                    } else {
                        highest = Math.max(highest, g);
                    }
                }
                if (ready) {
                    gen.put(sha, highest + 1);
                    onStack.remove(sha);
                    stack.pop();
                }
            }
        }
        generations = gen;
        return gen;
    }
}
