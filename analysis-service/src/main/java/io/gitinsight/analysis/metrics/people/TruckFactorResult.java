package io.gitinsight.analysis.metrics.people;

import java.util.List;

/**
 * A truck factor: {@code factor} developers removed in {@code removals}' order, over {@code files} files of
 * which {@code initialCoverage} (0..1) had an author before anyone left. Each removal says how many files the
 * developer authored and the coverage left after them.
 */
public record TruckFactorResult(int factor, int files, double initialCoverage, List<Removal> removals) {

    public TruckFactorResult {
        removals = List.copyOf(removals);
    }

    public record Removal(String developer, int filesAuthored, double coverageAfter) {
    }
}
