package io.gitinsight.analysis.metrics.loc;

import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gitinsight.analysis.metrics.model.SourceFile;

/**
 * {@code loc}, {@code loc_by_language} and {@code primary_language} of CONTRACT §4 from the tip's files.
 * The primary language is GitHub's answer when there is one (the language with the most bytes in its
 * languages API, which weighs what GitHub's Linguist counts), else the language with the most code here.
 * Ties go to the alphabetically first name, so the answer never depends on a map's order.
 */
public final class CodeSize {

    private CodeSize() {
    }

    /** {@code githubLanguageBytes}: GitHub's languages API (language → bytes); null or empty when unknown. */
    public static CodeSummary measure(List<SourceFile> files, Map<String, Long> githubLanguageBytes) {
        long loc = 0;
        TreeMap<String, Long> byLanguage = new TreeMap<>();
        for (SourceFile file : files) {
            if (VendoredPaths.isVendored(file.path())) {
                continue;
            }
            loc += file.code();
            if (file.language() != null && file.code() > 0) {
                byLanguage.merge(file.language(), (long) file.code(), Long::sum);
            }
        }
        String primary = largest(githubLanguageBytes == null ? Map.of() : githubLanguageBytes);
        return new CodeSummary(loc, Collections.unmodifiableSortedMap(byLanguage),
                primary != null ? primary : largest(byLanguage));
    }

    private static String largest(Map<String, Long> sizes) {
        return sizes.entrySet().stream()
                .filter(e -> e.getKey() != null && e.getValue() != null && e.getValue() > 0)
                .min(Comparator.comparing((Map.Entry<String, Long> e) -> e.getValue()).reversed()
                        .thenComparing(Map.Entry::getKey))
                .map(Map.Entry::getKey).orElse(null);
    }
}
