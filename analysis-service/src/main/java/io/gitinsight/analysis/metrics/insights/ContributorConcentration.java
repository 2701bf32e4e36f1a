package io.gitinsight.analysis.metrics.insights;

import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code contributor_concentration}: one person wrote at least {@value #MIN_TOP_SHARE} (60%) of the window's
 * commits, among at least {@value #MIN_CONTRIBUTORS} contributors and {@value #MIN_COMMITS} commits (a solo project
 * is concentrated by definition; the bus factor speaks for it). Confidence grows with the commits
 * ({@code k =} {@value #HALF_CONFIDENCE_COMMITS}).
 */
final class ContributorConcentration implements InsightRule {

    static final double MIN_TOP_SHARE = 0.60;
    static final int MIN_CONTRIBUTORS = 2;
    static final int MIN_COMMITS = 20;
    static final int HALF_CONFIDENCE_COMMITS = 50;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        List<InsightInputs.ContributorCommits> people = in.contributors().stream()
                .filter(c -> c.commits() > 0)
                .sorted(Comparator.comparingInt(InsightInputs.ContributorCommits::commits).reversed()
                        .thenComparing(InsightInputs.ContributorCommits::person))
                .toList();
        int total = people.stream().mapToInt(InsightInputs.ContributorCommits::commits).sum();
        if (people.size() < MIN_CONTRIBUTORS || total < MIN_COMMITS) {
            return Optional.empty();
        }
        InsightInputs.ContributorCommits top = people.get(0);
        double share = top.commits() / (double) total;
        if (share < MIN_TOP_SHARE) {
            return Optional.empty();
        }
        int others = people.size() - 1;
        String description = top.person() + " wrote " + Text.percent(share) + " of the " + total
                + " commits in the last " + in.window() + " (" + top.commits() + "); the other "
                + Text.count(others, "contributor", "contributors") + " wrote " + (total - top.commits()) + ".";
        Confidence confidence = Confidence.of(total, HALF_CONFIDENCE_COMMITS, "commits");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("top_contributor", top.person());
        data.put("top_share", share);
        data.put("top_commits", top.commits());
        data.put("commits", total);
        data.put("contributors", people.size());
        data.put("threshold_share", MIN_TOP_SHARE);
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("contributor_concentration", "Most work comes from one person", description,
                confidence.value(), data, List.of("people", "risk"), InsightEngine.MODEL_VERSION, in.generatedAt()));
    }
}
