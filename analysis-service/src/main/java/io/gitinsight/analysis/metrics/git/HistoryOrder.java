package io.gitinsight.analysis.metrics.git;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

import io.gitinsight.analysis.metrics.model.Commit;

/**
 * A history in topological order, newest first: every commit comes before its parents (as
 * {@code git log --topo-order} guarantees), and among commits that are free to go next the latest committer
 * date goes first (ties by sha, so the order never depends on the input's). Dates alone are not enough: a
 * skewed clock can date a child before its parent, and following a file back through its renames needs the
 * children first.
 */
public final class HistoryOrder {

    private static final Comparator<Commit> LATEST_FIRST = Comparator
            .comparing((Commit c) -> c.committedAt().toInstant()).reversed().thenComparing(Commit::sha);

    private HistoryOrder() {
    }

    public static List<Commit> newestFirst(List<Commit> history) {
        Map<String, Commit> bySha = new LinkedHashMap<>();
        history.forEach(commit -> bySha.putIfAbsent(commit.sha(), commit));
        // children within the history; parents outside it (an incremental or shallow list) are ignored
        Map<String, Integer> children = new HashMap<>();
        for (Commit commit : bySha.values()) {
            for (String parent : commit.parents()) {
                if (bySha.containsKey(parent)) {
                    children.merge(parent, 1, Integer::sum);
                }
            }
        }
        PriorityQueue<Commit> ready = new PriorityQueue<>(LATEST_FIRST);
        bySha.values().stream().filter(c -> !children.containsKey(c.sha())).forEach(ready::add);
        List<Commit> ordered = new ArrayList<>(bySha.size());
        while (!ready.isEmpty()) {
            Commit commit = ready.poll();
            ordered.add(commit);
            for (String parent : commit.parents()) {
                if (bySha.containsKey(parent) && children.merge(parent, -1, Integer::sum) == 0) {
                    ready.add(bySha.get(parent));
                }
            }
        }
        if (ordered.size() != bySha.size()) {
            throw new IllegalArgumentException("the history has a cycle: " + (bySha.size() - ordered.size())
                    + " commits are their own ancestors");
        }
        return ordered;
    }
}
