package io.gitinsight.analysis.metrics.insights;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * {@code churn_hotspot}: files churned by at least {@value #MIN_CHURN} lines by at least {@value #MIN_AUTHORS}
 * distinct authors in the window — much rewritten by many hands, where conflicts and defects gather. Lists up to
 * {@value #MAX_LISTED}, hottest (churn × authors) first. Confidence grows with the commits touching the listed
 * files ({@code k =} {@value #HALF_CONFIDENCE_COMMITS}).
 */
final class ChurnHotspot implements InsightRule {

    static final long MIN_CHURN = 500;
    static final int MIN_AUTHORS = 3;
    static final int MAX_LISTED = 5;
    static final int MAX_DESCRIBED = 3;
    static final int HALF_CONFIDENCE_COMMITS = 20;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        List<FileChurn> hot = in.hotspots().stream()
                .filter(f -> f.churn() >= MIN_CHURN && f.authors() >= MIN_AUTHORS)
                .sorted((a, b) -> Long.compare(b.churn() * b.authors(), a.churn() * a.authors()))
                .limit(MAX_LISTED)
                .toList();
        if (hot.isEmpty()) {
            return Optional.empty();
        }
        String files = hot.stream().limit(MAX_DESCRIBED)
                .map(f -> String.format(Locale.ROOT, "%s (%d lines churned by %d authors in %d commits)", f.path(),
                        f.churn(), f.authors(), f.commits()))
                .collect(Collectors.joining(", "));
        String description = Text.count(hot.size(), "file was", "files were") + " heavily changed by many people in the last "
                + in.window() + ": " + files + (hot.size() > MAX_DESCRIBED ? ", and more" : "") + ".";
        int commits = hot.stream().mapToInt(FileChurn::commits).sum();
        Confidence confidence = Confidence.of(commits, HALF_CONFIDENCE_COMMITS, "commits touching these files");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("files", hot.stream().map(f -> Map.of("path", f.path(), "churn", f.churn(), "authors", f.authors(),
                "commits", f.commits())).toList());
        data.put("threshold_churn", MIN_CHURN);
        data.put("threshold_authors", MIN_AUTHORS);
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("churn_hotspot", "Hotspots: much churn, many authors", description,
                confidence.value(), data, List.of("code", "risk", "churn"), InsightEngine.MODEL_VERSION,
                in.generatedAt()));
    }
}
