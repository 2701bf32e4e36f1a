package io.gitinsight.analysis.metrics.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Stream;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.pulls.Medians;
import io.gitinsight.analysis.metrics.pulls.PullRequestPhases;

/**
 * Bucketed series of one repository's activity. Commits fall in the bucket of their author date, PRs in the bucket
 * of their merge. Buckets run from the one holding {@code since} (or the first datum when {@code since} is null)
 * through the one holding the last instant before {@code until}; only data in {@code [since, until)} counts.
 */
public final class TrendSeries {

    private final List<Commit> commits;
    private final List<PullRequestPhases> pulls;
    private final Function<Commit, Collection<String>> people;

    /** Contributors are told apart by author email, ignoring case. */
    public TrendSeries(List<Commit> commits, List<PullRequestPhases> pulls) {
        this(commits, pulls, c -> List.of(c.author().email().toLowerCase(Locale.ROOT)));
    }

    /**
     * @param people the person keys a commit credits (e.g. merged identities, with co-authors), for
     *        {@code contributors}
     */
    public TrendSeries(List<Commit> commits, List<PullRequestPhases> pulls,
            Function<Commit, Collection<String>> people) {
        this.commits = commits;
        this.pulls = pulls.stream().filter(PullRequestPhases::merged).toList();
        this.people = people;
    }

    public List<TrendPoint> points(TrendMetric metric, Interval interval, Instant since, Instant until) {
        Instant first = since != null ? since : firstDatum(metric);
        if (first == null || !first.isBefore(until)) {
            return List.of();
        }
        TreeMap<Instant, Double> values = switch (metric) {
            case COMMITS -> sum(commitsIn(since, until), c -> 1.0, interval);
            case CHURN -> sum(commitsIn(since, until).filter(c -> !c.isMerge()), TrendSeries::churn, interval);
            case PRS_MERGED -> sumPulls(since, until, interval);
            case CYCLE_TIME -> medianCycleTime(since, until, interval);
            case CONTRIBUTORS -> distinctPeople(since, until, interval);
        };
        List<TrendPoint> points = new ArrayList<>();
        for (Instant t = interval.bucketStart(first); t.isBefore(until); t = interval.next(t)) {
            Double v = values.get(t);
            if (v != null || metric.isCount()) {
                points.add(new TrendPoint(t, v == null ? 0.0 : v));
            }
        }
        return points;
    }

    private Instant firstDatum(TrendMetric metric) {
        Stream<Instant> times = switch (metric) {
            case PRS_MERGED, CYCLE_TIME -> pulls.stream().map(PullRequestPhases::mergedAt);
            default -> commits.stream().map(TrendSeries::at);
        };
        return times.min(Instant::compareTo).orElse(null);
    }

    private Stream<Commit> commitsIn(Instant since, Instant until) {
        return commits.stream().filter(c -> in(at(c), since, until));
    }

    private TreeMap<Instant, Double> sum(Stream<Commit> commits, Function<Commit, Double> value, Interval interval) {
        TreeMap<Instant, Double> sums = new TreeMap<>();
        commits.forEach(c -> sums.merge(interval.bucketStart(at(c)), value.apply(c), Double::sum));
        return sums;
    }

    private TreeMap<Instant, Double> sumPulls(Instant since, Instant until, Interval interval) {
        TreeMap<Instant, Double> sums = new TreeMap<>();
        pulls.stream().filter(p -> in(p.mergedAt(), since, until))
                .forEach(p -> sums.merge(interval.bucketStart(p.mergedAt()), 1.0, Double::sum));
        return sums;
    }

    private TreeMap<Instant, Double> medianCycleTime(Instant since, Instant until, Interval interval) {
        Map<Instant, List<Double>> byBucket = new HashMap<>();
        pulls.stream().filter(p -> in(p.mergedAt(), since, until) && p.cycleTimeHours() != null)
                .forEach(p -> byBucket.computeIfAbsent(interval.bucketStart(p.mergedAt()), k -> new ArrayList<>())
                        .add(p.cycleTimeHours()));
        TreeMap<Instant, Double> medians = new TreeMap<>();
        byBucket.forEach((t, hours) -> medians.put(t, Medians.of(hours)));
        return medians;
    }

    private TreeMap<Instant, Double> distinctPeople(Instant since, Instant until, Interval interval) {
        Map<Instant, Set<String>> byBucket = new HashMap<>();
        commitsIn(since, until).forEach(c -> byBucket.computeIfAbsent(interval.bucketStart(at(c)),
                k -> new HashSet<>()).addAll(people.apply(c).stream().filter(Objects::nonNull).toList()));
        TreeMap<Instant, Double> counts = new TreeMap<>();
        byBucket.forEach((t, keys) -> counts.put(t, (double) keys.size()));
        return counts;
    }

    private static double churn(Commit c) {
        return c.files().stream().filter(f -> !f.binary()).mapToDouble(f -> f.additions() + f.deletions()).sum();
    }

    private static Instant at(Commit c) {
        return c.authoredAt().toInstant();
    }

    private static boolean in(Instant t, Instant since, Instant until) {
        return t != null && (since == null || !t.isBefore(since)) && t.isBefore(until);
    }
}
