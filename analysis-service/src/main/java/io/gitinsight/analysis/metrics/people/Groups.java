package io.gitinsight.analysis.metrics.people;

import java.util.HashMap;
import java.util.Map;

/** Disjoint sets of node names (union-find with path halving): which identities ended up as one person. */
final class Groups {

    private final Map<String, String> parents = new HashMap<>();

    void add(String node) {
        parents.putIfAbsent(node, node);
    }

    String root(String node) {
        add(node);
        String current = node;
        while (!parents.get(current).equals(current)) {
            String grandparent = parents.get(parents.get(current));
            parents.put(current, grandparent);
            current = grandparent;
        }
        return current;
    }

    void join(String a, String b) {
        String rootA = root(a);
        String rootB = root(b);
        if (!rootA.equals(rootB)) {
            // the smaller name wins, so that roots never depend on the order of the joins
            if (rootA.compareTo(rootB) < 0) {
                parents.put(rootB, rootA);
            } else {
                parents.put(rootA, rootB);
            }
        }
    }

    Iterable<String> nodes() {
        return parents.keySet();
    }
}
