package io.gitinsight.analysis.metrics.insights;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.gitinsight.analysis.metrics.model.Release;
import io.gitinsight.analysis.metrics.pulls.Medians;

/**
 * {@code release_cadence}: a release is overdue. From at least {@value #MIN_RELEASES} published, non-draft,
 * non-prerelease releases (time = published, else created), the typical gap is the median of the gaps between
 * consecutive ones; the insight holds when the time since the latest exceeds {@value #OVERDUE_FACTOR}× that median
 * and at least {@value #MIN_GAP_DAYS} days (a project releasing daily is not late after a quiet weekend).
 * Confidence grows with the gaps observed ({@code k =} {@value #HALF_CONFIDENCE_GAPS}).
 */
final class ReleaseCadence implements InsightRule {

    static final int MIN_RELEASES = 3;
    static final double OVERDUE_FACTOR = 2;
    static final double MIN_GAP_DAYS = 7;
    static final int HALF_CONFIDENCE_GAPS = 5;

    private static final double MILLIS_PER_DAY = 86_400_000.0;

    @Override
    public Optional<Insight> evaluate(InsightInputs in) {
        List<Release> releases = in.releases().stream()
                .filter(r -> !r.draft() && !r.prerelease() && at(r) != null && !at(r).isAfter(in.generatedAt()))
                .sorted(Comparator.comparing(ReleaseCadence::at))
                .toList();
        if (releases.size() < MIN_RELEASES) {
            return Optional.empty();
        }
        List<Double> gaps = new ArrayList<>();
        for (int i = 1; i < releases.size(); i++) {
            gaps.add(days(at(releases.get(i - 1)), at(releases.get(i))));
        }
        double median = Medians.of(gaps);
        Release latest = releases.get(releases.size() - 1);
        double since = days(at(latest), in.generatedAt());
        if (since <= OVERDUE_FACTOR * median || since < MIN_GAP_DAYS) {
            return Optional.empty();
        }
        String description = "No release for " + Math.round(Math.floor(since)) + " days, while the last "
                + releases.size() + " releases came a median of " + Text.decimal(median) + " days apart; the latest, "
                + latest.tagName() + ", was published on " + at(latest).atOffset(ZoneOffset.UTC).toLocalDate() + ".";
        Confidence confidence = Confidence.of(gaps.size(), HALF_CONFIDENCE_GAPS, "gaps between releases");
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("status", "overdue");
        data.put("days_since_last_release", since);
        data.put("median_days_between_releases", median);
        data.put("releases", releases.size());
        data.put("latest_release", latest.tagName());
        data.put("latest_release_at", at(latest).toString());
        data.put("confidence_basis", confidence.basis());
        return Optional.of(new Insight("release_cadence", "A release is overdue", description, confidence.value(),
                data, List.of("delivery", "releases"), InsightEngine.MODEL_VERSION, in.generatedAt()));
    }

    private static Instant at(Release r) {
        return r.publishedAt() != null ? r.publishedAt() : r.createdAt();
    }

    private static double days(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / MILLIS_PER_DAY;
    }
}
