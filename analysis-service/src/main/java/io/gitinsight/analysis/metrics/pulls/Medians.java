package io.gitinsight.analysis.metrics.pulls;

import java.util.Collection;
import java.util.Objects;

/** The median every metric of this engine reports: for an even count, the mean of the middle two. */
public final class Medians {

    private Medians() {
    }

    /** The median of the non-null values, or null when there are none. */
    public static Double of(Collection<? extends Number> values) {
        double[] sorted = values.stream().filter(Objects::nonNull).mapToDouble(Number::doubleValue).sorted().toArray();
        if (sorted.length == 0) {
            return null;
        }
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
