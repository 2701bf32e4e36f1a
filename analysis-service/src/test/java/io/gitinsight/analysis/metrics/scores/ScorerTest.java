package io.gitinsight.analysis.metrics.scores;

import static io.gitinsight.analysis.metrics.pulls.TestData.at;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Window;

class ScorerTest {

    /** 30 days ending 04-01: [03-02, 04-01). */
    private final Window window = Window.of("30d", at("2026-04-01T00:00"));

    private final List<ActivityEvent> events = List.of(
            event(ActivityKind.PR, "2026-03-02T00:00", "acme/api"),
            event(ActivityKind.PR, "2026-03-02T09:00", "acme/api"),
            event(ActivityKind.COMMIT, "2026-03-02T10:00", "acme/api"),
            event(ActivityKind.COMMIT, "2026-03-05T10:00", "acme/web"),
            event(ActivityKind.COMMIT, "2026-03-05T11:00", "acme/web"),
            event(ActivityKind.REVIEW, "2026-03-10T10:00", "acme/api"),
            event(ActivityKind.COMMENT, "2026-03-31T23:59", "acme/web"),
            event(ActivityKind.ISSUE, "2026-03-01T23:59", "acme/api"),
            event(ActivityKind.PR, "2026-04-01T00:00", "acme/api"));

    @Test
    void eachDimensionScoresItsWeightTimesThePointsOfItsEvents() {
        ScoreReport report = new Scorer(Rules.defaults()).score(events, window);

        // in the window: 2 PRs, 3 commits, 1 review, 1 comment (the issue is a minute early, the last PR on the end)
        // code = 1.0 × (2×5 + 3×1) = 13; review = 0.8 × 3 = 2.4; community = 0.5 × 1 = 0.5; total 15.9
        assertThat(report.scores()).containsExactly(
                new DimensionScore("code", "30d", 13.0, 5, 1.0, 13.0),
                new DimensionScore("review", "30d", 2.4, 1, 0.8, 3.0),
                new DimensionScore("community", "30d", 0.5, 1, 0.5, 1.0));
        assertThat(report.summary().total()).isEqualTo(15.9);
        assertThat(report.summary().topDimension()).isEqualTo("code");
    }

    @Test
    void theSummaryTellsWhatWasDoneWhereAndWhen() {
        ScoreSummary summary = new Scorer(Rules.defaults()).score(events, window).summary();

        // days 03-02, 03-05, 03-10, 03-31; repositories acme/api and acme/web
        assertThat(summary.events()).isEqualTo(7);
        assertThat(summary.eventsByKind())
                .isEqualTo(Map.of("commit", 3, "pr", 2, "review", 1, "issue", 0, "comment", 1));
        assertThat(summary.activeDays()).isEqualTo(4);
        assertThat(summary.repositories()).isEqualTo(2);
        assertThat(summary.firstActivity()).isEqualTo(at("2026-03-02T00:00"));
        assertThat(summary.lastActivity()).isEqualTo(at("2026-03-31T23:59"));
    }

    @Test
    void otherRulesGiveOtherScores() throws Exception {
        Rules rules = Rules.load(Path.of(ScorerTest.class.getResource("/rules/override.toml").toURI()));

        ScoreReport report = new Scorer(rules).score(events, window);

        // every kind worth 1: shipping = 2 × (2 + 3 + 1) = 12; talk = 0.25 × 1 = 0.25
        assertThat(report.scores()).extracting(DimensionScore::dimension, DimensionScore::score)
                .containsExactly(tuple("shipping", 12.0),
                        tuple("talk", 0.25));
        assertThat(report.summary().total()).isEqualTo(12.25);
    }

    @Test
    void nothingInTheWindowScoresZeroWithNoTopDimension() {
        ScoreReport report = new Scorer(Rules.defaults()).score(events, Window.of("30d", at("2025-01-01T00:00")));

        assertThat(report.scores()).extracting(DimensionScore::score).containsExactly(0.0, 0.0, 0.0);
        assertThat(report.summary().topDimension()).isNull();
        assertThat(report.summary().activeDays()).isZero();
        assertThat(report.summary().firstActivity()).isNull();
    }

    private static ActivityEvent event(ActivityKind kind, String at, String repository) {
        return new ActivityEvent(kind, at(at), repository);
    }
}
