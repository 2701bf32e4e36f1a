package io.gitinsight.analysis.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.analysis.config.AnalysisConfig;
import io.gitinsight.analysis.domain.AnalysisResult;
import io.gitinsight.analysis.domain.TrackedRepository;
import io.gitinsight.analysis.metrics.dora.DoraCalculator;
import io.gitinsight.analysis.metrics.dora.DoraFigures;
import io.gitinsight.analysis.metrics.git.GitMetrics;
import io.gitinsight.analysis.metrics.git.GitSummary;
import io.gitinsight.analysis.metrics.insights.Hotspots;
import io.gitinsight.analysis.metrics.insights.Insight;
import io.gitinsight.analysis.metrics.insights.InsightEngine;
import io.gitinsight.analysis.metrics.insights.InsightInputs;
import io.gitinsight.analysis.metrics.loc.CodeSize;
import io.gitinsight.analysis.metrics.loc.CodeSummary;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;
import io.gitinsight.analysis.metrics.people.ContributorTable;
import io.gitinsight.analysis.metrics.people.Contributors;
import io.gitinsight.analysis.metrics.people.IdentityResolver;
import io.gitinsight.analysis.metrics.people.Roster;
import io.gitinsight.analysis.metrics.people.TruckFactor;
import io.gitinsight.analysis.metrics.people.TruckFactorResult;
import io.gitinsight.analysis.metrics.pulls.ChangeSignals;
import io.gitinsight.analysis.metrics.pulls.Hotfixes;
import io.gitinsight.analysis.metrics.pulls.PullRequestFigures;
import io.gitinsight.analysis.metrics.pulls.PullRequestPhaseCalculator;
import io.gitinsight.analysis.metrics.pulls.PullRequestPhases;
import io.gitinsight.analysis.metrics.trends.Interval;
import io.gitinsight.analysis.metrics.trends.Trend;
import io.gitinsight.analysis.metrics.trends.TrendMetric;
import io.gitinsight.analysis.metrics.trends.TrendSeries;
import io.gitinsight.analysis.metrics.trends.Trends;
import io.gitinsight.analysis.repository.FactReader;

/**
 * Runs the metrics engine over a repository's facts and shapes the answers as query-service serves
 * them: the contract's metrics object per window (CONTRACT §2/§4 — the git figures, LOC, contributors
 * and bus factor cover the whole history; pull requests, DORA, reverts and hotfixes the window), the
 * contributors table, each pull request's phases, trend series with forecasts, and the insights of the
 * 90-day window against the 90 days before.
 */
@ApplicationScoped
public class MetricsCalculator {

    static final List<String> WINDOWS = List.of("30d", "90d", "180d", "all");
    static final String INSIGHT_WINDOW = "90d";

    private final AnalysisConfig config;
    private final InsightEngine insights = new InsightEngine();

    public MetricsCalculator(AnalysisConfig config) {
        this.config = config;
    }

    public AnalysisResult calculate(TrackedRepository repo, FactReader.Facts facts, Instant now) {
        List<Commit> history = facts.commits();
        Roster roster = new IdentityResolver(Map.of(), config.botIdentities().orElse(List.of()))
                .resolve(history, facts.pullRequests(), facts.reviews());
        Function<Commit, String> person = c -> roster.of(c.author()).key();
        GitSummary git = GitMetrics.summarize(history);
        CodeSummary code = CodeSize.measure(facts.files(), facts.languageBytes());
        ContributorTable contributors = Contributors.of(history, facts.pullRequests(), facts.reviews(), roster);
        TruckFactorResult truckFactor = TruckFactor.compute(history, facts.files(), roster);
        List<PullRequestPhases> phases = new PullRequestPhaseCalculator(history, facts.deployments(),
                config.productionEnvironment()).phases(facts.pullRequests(), facts.reviews());
        DoraCalculator dora = new DoraCalculator(config.productionEnvironment());
        long people = contributors.people().stream().filter(c -> c.commits() > 0).count();

        Map<String, Map<String, Object>> byWindow = new LinkedHashMap<>();
        for (String name : WINDOWS) {
            Window window = Window.of(name, now);
            PullRequestFigures prs = PullRequestFigures.compute(facts.pullRequests(), phases, window);
            DoraFigures doraFigures = dora.compute(facts.deployments(), history, facts.pullRequests(), window);
            ChangeSignals signals = ChangeSignals.count(history, facts.pullRequests(), window);
            byWindow.put(name, MetricsDocument.of(repo, now, name, git, code, people, truckFactor, prs, doraFigures, signals));
        }
        return new AnalysisResult(now, byWindow, contributorRows(contributors), phaseRows(facts.pullRequests(), phases),
                series(history, phases, person, now),
                insightRows(facts, roster, person, contributors, truckFactor, phases, now),
                null);
    }

    private static List<AnalysisResult.ContributorRow> contributorRows(ContributorTable table) {
        return table.all().stream().map(c -> new AnalysisResult.ContributorRow(c.login(), c.name(), c.emails(), c.bot(),
                c.commits(), c.additions(), c.deletions(), c.prsOpened(), c.reviewsGiven(), c.firstCommit(), c.lastCommit(),
                c.share())).toList();
    }

    private static List<AnalysisResult.PullRequestPhases> phaseRows(List<PullRequest> pulls, List<PullRequestPhases> phases) {
        Map<Integer, PullRequest> byNumber = new LinkedHashMap<>();
        pulls.forEach(p -> byNumber.put(p.number(), p));
        return phases.stream().map(p -> new AnalysisResult.PullRequestPhases(p.number(), p.firstCommitAt(), p.firstReviewAt(),
                p.deployedAt(), p.codingHours(), p.pickupHours(), p.reviewHours(), p.deployHours(), p.cycleTimeHours(),
                p.timeToFirstReviewHours(), byNumber.containsKey(p.number()) && Hotfixes.isHotfix(byNumber.get(p.number()))))
                .toList();
    }

    private static List<AnalysisResult.SeriesPoint> series(List<Commit> history, List<PullRequestPhases> phases,
            Function<Commit, String> person, Instant now) {
        Trends trends = new Trends(new TrendSeries(history, phases, c -> List.of(person.apply(c))));
        List<AnalysisResult.SeriesPoint> points = new ArrayList<>();
        for (TrendMetric metric : TrendMetric.values()) {
            for (Interval interval : Interval.values()) {
                Trend trend = trends.trend(metric, interval, null, now, Trends.defaultHorizon(interval));
                trend.points().forEach(p -> points.add(new AnalysisResult.SeriesPoint(metric.wireName(), interval.wireName(),
                        "actual", p.t(), p.value(), null, null)));
                trend.forecast().forEach(p -> points.add(new AnalysisResult.SeriesPoint(metric.wireName(),
                        interval.wireName(), "forecast", p.t(), p.value(), p.low(), p.high())));
            }
        }
        return points;
    }

    private List<AnalysisResult.InsightRow> insightRows(FactReader.Facts facts, Roster roster, Function<Commit, String> person,
            ContributorTable contributors, TruckFactorResult truckFactor, List<PullRequestPhases> phases, Instant now) {
        Window current = Window.of(INSIGHT_WINDOW, now);
        Window previous = current.previous();
        PullRequestFigures prsNow = PullRequestFigures.compute(facts.pullRequests(), phases, current);
        PullRequestFigures prsBefore = PullRequestFigures.compute(facts.pullRequests(), phases, previous);
        DoraCalculator dora = new DoraCalculator(config.productionEnvironment());
        DoraFigures doraNow = dora.compute(facts.deployments(), facts.commits(), facts.pullRequests(), current);
        DoraFigures doraBefore = dora.compute(facts.deployments(), facts.commits(), facts.pullRequests(), previous);
        long commitsNow = facts.commits().stream().filter(c -> current.contains(c.authoredAt().toInstant())).count();
        long commitsBefore = facts.commits().stream().filter(c -> previous.contains(c.authoredAt().toInstant())).count();

        InsightInputs inputs = InsightInputs.builder(INSIGHT_WINDOW, now)
                .busFactor(new InsightInputs.BusFactor(truckFactor.factor(), truckFactor.files(), truckFactor.removals()
                        .stream().map(r -> new InsightInputs.AuthorFiles(r.developer(), r.filesAuthored())).toList()))
                .pickupHours(new InsightInputs.Comparison(prsNow.cycleTimePhases().pickup(),
                        prsBefore.cycleTimePhases().pickup(), prsNow.merged(), prsBefore.merged()))
                .cycleTimeHours(new InsightInputs.Comparison(prsNow.medianCycleTimeHours(), prsBefore.medianCycleTimeHours(),
                        prsNow.merged(), prsBefore.merged()))
                .commits(new InsightInputs.Comparison((double) commitsNow, (double) commitsBefore, (int) commitsNow,
                        (int) commitsBefore))
                .changeFailureRate(new InsightInputs.Comparison(doraNow.changeFailureRate(), doraBefore.changeFailureRate(),
                        doraNow.deployments(), doraBefore.deployments()))
                .hotspots(Hotspots.compute(facts.commits(), current, person))
                .openPullRequests(facts.pullRequests().stream().filter(p -> "open".equals(p.state())).toList())
                .contributors(contributors.people().stream()
                        .map(c -> new InsightInputs.ContributorCommits(c.login(), c.commits())).toList())
                .releases(facts.releases()).build();
        List<AnalysisResult.InsightRow> rows = new ArrayList<>();
        for (Insight i : insights.generate(inputs)) {
            rows.add(new AnalysisResult.InsightRow(i.type(), i.title(), i.description(), i.confidence(), i.data(), i.tags(),
                    i.modelVersion()));
        }
        return rows;
    }
}
