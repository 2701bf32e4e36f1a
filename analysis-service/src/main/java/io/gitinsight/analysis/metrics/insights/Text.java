package io.gitinsight.analysis.metrics.insights;

import java.util.Locale;

/** Numbers as insight descriptions print them. */
final class Text {

    private Text() {
    }

    /** One decimal: {@code 31.5}. */
    static String decimal(double value) {
        return String.format(Locale.ROOT, "%.1f", value);
    }

    /** A ratio as a whole percentage: {@code 0.625 → 63%}. */
    static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", 100 * ratio);
    }

    /** {@code 1 person}, {@code 2 people}-style agreement. */
    static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
