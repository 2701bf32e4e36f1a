package io.gitinsight.analysis.metrics.scores;

import java.util.Set;

/** A scoring dimension: the kinds of activity it scores and the weight it gives their points. */
public record Dimension(String name, Set<ActivityKind> kinds, double weight) {

    public Dimension {
        kinds = Set.copyOf(kinds);
    }
}
