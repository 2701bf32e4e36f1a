package io.gitinsight.analysis.metrics.dora;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Deployment;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Window;
import io.gitinsight.analysis.metrics.pulls.CommitGraph;
import io.gitinsight.analysis.metrics.pulls.Hotfixes;
import io.gitinsight.analysis.metrics.pulls.Hours;
import io.gitinsight.analysis.metrics.pulls.Medians;
import io.gitinsight.analysis.metrics.pulls.ProductionDeployments;
import io.gitinsight.analysis.metrics.pulls.Reverts;

/**
 * The DORA keys over a window (CONTRACT §4) from the production deployments (environment name compared ignoring
 * case) that were decided — succeeded, failed or errored — and finished in the window. A deployment's time is when
 * its deciding status was set.
 * <ul>
 * <li>Deployment frequency: successful ones per week of window. {@code all} has no start, so its span runs from
 * the first production deployment's creation to {@code until} (at least a day): a repository that began deploying
 * last year is not diluted by the years before it had deployments. Null when the repository has no production
 * deployment at or before {@code until}.</li>
 * <li>Lead time: median over the changes shipped, see {@link LeadTimes}.</li>
 * <li>Change failure rate: (failed + successful ones followed by a revert commit or a hotfix that landed after the
 * deployment finished and before the next production deployment finished — or before {@code until} for the last)
 * / all of them.</li>
 * <li>MTTR: median hours from each failed deployment to the next successful production deployment that finished
 * before {@code until}; consecutive failures each count to the same recovery. Failures not yet recovered give no
 * sample.</li>
 * </ul>
 */
public final class DoraCalculator {

    private static final double DAYS_PER_WEEK = 7.0;
    private static final double MIN_SPAN_DAYS = 1.0;

    private final String productionEnvironment;

    public DoraCalculator() {
        this(ProductionDeployments.DEFAULT_ENVIRONMENT);
    }

    public DoraCalculator(String productionEnvironment) {
        this.productionEnvironment = productionEnvironment;
    }

    public DoraFigures compute(List<Deployment> deployments, List<Commit> history, List<PullRequest> pullRequests,
            Window window) {
        List<Deployment> production = ProductionDeployments.decided(deployments, productionEnvironment);
        List<Deployment> inWindow = production.stream().filter(d -> window.contains(finished(d))).toList();
        List<Deployment> successes = production.stream().filter(Deployment::succeeded).toList();
        LeadTimes leadTimes = new LeadTimes(new CommitGraph(history), pullRequests);
        List<Instant> reworkSignals = reworkSignals(history, pullRequests);

        List<Double> leadTimeSamples = new ArrayList<>();
        List<Double> recoveryHours = new ArrayList<>();
        int successful = 0;
        int failed = 0;
        int reworked = 0;
        for (Deployment d : inWindow) {
            if (d.succeeded()) {
                successful++;
                leadTimeSamples.addAll(leadTimes.samples(d, previous(successes, d)));
                if (followedByRework(d, production, reworkSignals, window.end())) {
                    reworked++;
                }
            } else {
                failed++;
                successes.stream()
                        .filter(s -> finished(s).isAfter(finished(d)) && finished(s).isBefore(window.end()))
                        .findFirst()
                        .ifPresent(s -> recoveryHours.add(Hours.between(finished(d), finished(s))));
            }
        }
        int decided = inWindow.size();
        return new DoraFigures(frequency(successful, production, window), Medians.of(leadTimeSamples),
                decided == 0 ? null : (failed + reworked) / (double) decided, Medians.of(recoveryHours), decided,
                successful, failed, reworked, leadTimeSamples.size(), recoveryHours.size());
    }

    private Double frequency(int successful, List<Deployment> production, Window window) {
        Instant firstCreated = production.stream().map(Deployment::createdAt).min(Instant::compareTo).orElse(null);
        if (firstCreated == null || !firstCreated.isBefore(window.end())) {
            return null;
        }
        Instant start = window.start() != null ? window.start() : firstCreated;
        double days = Math.max(MIN_SPAN_DAYS, Duration.between(start, window.end()).toMillis() / 86_400_000.0);
        return successful / (days / DAYS_PER_WEEK);
    }

    private static Deployment previous(List<Deployment> successes, Deployment d) {
        int i = successes.indexOf(d);
        return i > 0 ? successes.get(i - 1) : null;
    }

    private static boolean followedByRework(Deployment d, List<Deployment> production, List<Instant> signals,
            Instant until) {
        int i = production.indexOf(d);
        Instant next = i + 1 < production.size() ? finished(production.get(i + 1)) : until;
        Instant end = next.isBefore(until) ? next : until;
        return signals.stream().anyMatch(t -> t.isAfter(finished(d)) && t.isBefore(end));
    }

    private static List<Instant> reworkSignals(List<Commit> history, List<PullRequest> pullRequests) {
        return Stream.concat(history.stream().filter(Reverts::isRevert).map(Hotfixes::landedAt),
                Hotfixes.all(history, pullRequests).stream().map(Hotfixes.Hotfix::at)).toList();
    }

    private static Instant finished(Deployment d) {
        return d.finishedAt().orElseThrow();
    }
}
