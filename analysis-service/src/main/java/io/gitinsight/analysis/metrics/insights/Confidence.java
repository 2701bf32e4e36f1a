package io.gitinsight.analysis.metrics.insights;

import java.util.Locale;

/**
 * How sure an insight is, from the size of the sample behind it: {@code n / (n + k)}, where {@code k} is the sample
 * size at which a rule is half sure (each rule names its n and k). It starts at 0, is 0.5 at {@code n = k}, 0.8 at
 * {@code 4k}, and never reaches 1: a rule of thumb over a finite sample is never certain.
 */
record Confidence(double value, String basis) {

    static Confidence of(int n, int k, String what) {
        double value = Math.round(1000.0 * n / (n + k)) / 1000.0;
        return new Confidence(value, String.format(Locale.ROOT, "n/(n+k) with n = %d %s, k = %d", n, what, k));
    }
}
