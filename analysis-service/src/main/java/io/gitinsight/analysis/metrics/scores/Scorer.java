package io.gitinsight.analysis.metrics.scores;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

import io.gitinsight.analysis.metrics.model.Window;

/** Scores a user's activity under {@link Rules}; the formula is documented in {@code rules/default.toml}. */
public final class Scorer {

    private final Rules rules;

    public Scorer(Rules rules) {
        this.rules = rules;
    }

    public ScoreReport score(List<ActivityEvent> events, Window window) {
        List<ActivityEvent> inWindow = events.stream().filter(e -> window.contains(e.occurredAt())).toList();
        List<DimensionScore> scores = new ArrayList<>();
        DimensionScore top = null;
        double total = 0;
        for (Dimension d : rules.dimensions()) {
            List<ActivityEvent> scored = inWindow.stream().filter(e -> d.kinds().contains(e.kind())).toList();
            double points = scored.stream().mapToDouble(e -> rules.pointsFor(e.kind())).sum();
            DimensionScore score = new DimensionScore(d.name(), window.name(), round(d.weight() * points),
                    scored.size(), d.weight(), points);
            scores.add(score);
            total += score.score();
            if (score.score() > 0 && (top == null || score.score() > top.score())) {
                top = score;
            }
        }
        return new ScoreReport(window.name(), summary(inWindow, round(total), top), scores);
    }

    private static ScoreSummary summary(List<ActivityEvent> events, double total, DimensionScore top) {
        Map<String, Integer> byKind = new LinkedHashMap<>();
        for (ActivityKind k : ActivityKind.values()) {
            byKind.put(k.wireName(), (int) events.stream().filter(e -> e.kind() == k).count());
        }
        int activeDays = (int) events.stream()
                .map(e -> e.occurredAt().atOffset(ZoneOffset.UTC).toLocalDate())
                .distinct()
                .count();
        int repositories = (int) events.stream().map(ActivityEvent::repository).filter(Objects::nonNull).distinct()
                .count();
        Instant first = events.stream().map(ActivityEvent::occurredAt).min(Instant::compareTo).orElse(null);
        Instant last = events.stream().map(ActivityEvent::occurredAt).max(Instant::compareTo).orElse(null);
        return new ScoreSummary(total, top == null ? null : top.dimension(), events.size(), byKind, activeDays,
                repositories, first, last);
    }

    private static double round(double value) {
        return BigDecimal.valueOf(value).setScale(2, RoundingMode.HALF_UP).doubleValue();
    }
}
