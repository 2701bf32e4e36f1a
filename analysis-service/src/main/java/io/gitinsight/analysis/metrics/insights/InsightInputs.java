package io.gitinsight.analysis.metrics.insights;

import java.time.Instant;
import java.util.List;

import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Release;

/**
 * The already-computed figures the insights are drawn from, for one window ({@code window} names it, e.g.
 * {@code 90d}; "previous" is the window of the same length before it). Anything not known is null (or empty) and
 * the insights that need it stay silent. Build with {@link #builder(String, Instant)}.
 *
 * @param busFactor the truck factor and its top authors
 * @param pickupHours median pickup time of PRs merged in the window and in the previous one
 * @param cycleTimeHours median cycle time, likewise
 * @param commits commit counts (the samples are the counts themselves)
 * @param changeFailureRate DORA change failure rate, with the deployments behind each as samples
 * @param hotspots files by churn and authors in the window (see {@link Hotspots})
 * @param openPullRequests pull requests open at {@code generatedAt}
 * @param contributors commits per person in the window
 * @param releases the repository's releases
 */
public record InsightInputs(String window, Instant generatedAt, BusFactor busFactor, Comparison pickupHours,
        Comparison cycleTimeHours, Comparison commits, Comparison changeFailureRate, List<FileChurn> hotspots,
        List<PullRequest> openPullRequests, List<ContributorCommits> contributors, List<Release> releases) {

    public InsightInputs {
        hotspots = hotspots == null ? List.of() : List.copyOf(hotspots);
        openPullRequests = openPullRequests == null ? List.of() : List.copyOf(openPullRequests);
        contributors = contributors == null ? List.of() : List.copyOf(contributors);
        releases = releases == null ? List.of() : List.copyOf(releases);
    }

    /** A figure in this window and the previous one, with the sample size behind each (PRs, deployments…). */
    public record Comparison(Double current, Double previous, int currentSamples, int previousSamples) {
    }

    /** The truck factor over {@code files} files, and the people with most files authored, most first. */
    public record BusFactor(int busFactor, int files, List<AuthorFiles> topAuthors) {

        public BusFactor {
            topAuthors = topAuthors == null ? List.of() : List.copyOf(topAuthors);
        }
    }

    /** How many files a person is an author of (in the degree-of-authorship sense). */
    public record AuthorFiles(String person, int files) {
    }

    /** Commits a person authored in the window. */
    public record ContributorCommits(String person, int commits) {
    }

    public static Builder builder(String window, Instant generatedAt) {
        return new Builder(window, generatedAt);
    }

    public static final class Builder {
        private final String window;
        private final Instant generatedAt;
        private BusFactor busFactor;
        private Comparison pickupHours;
        private Comparison cycleTimeHours;
        private Comparison commits;
        private Comparison changeFailureRate;
        private List<FileChurn> hotspots;
        private List<PullRequest> openPullRequests;
        private List<ContributorCommits> contributors;
        private List<Release> releases;

        private Builder(String window, Instant generatedAt) {
            this.window = window;
            this.generatedAt = generatedAt;
        }

        public Builder busFactor(BusFactor value) {
            busFactor = value;
            return this;
        }

        public Builder pickupHours(Comparison value) {
            pickupHours = value;
            return this;
        }

        public Builder cycleTimeHours(Comparison value) {
            cycleTimeHours = value;
            return this;
        }

        public Builder commits(Comparison value) {
            commits = value;
            return this;
        }

        public Builder changeFailureRate(Comparison value) {
            changeFailureRate = value;
            return this;
        }

        public Builder hotspots(List<FileChurn> value) {
            hotspots = value;
            return this;
        }

        public Builder openPullRequests(List<PullRequest> value) {
            openPullRequests = value;
            return this;
        }

        public Builder contributors(List<ContributorCommits> value) {
            contributors = value;
            return this;
        }

        public Builder releases(List<Release> value) {
            releases = value;
            return this;
        }

        public InsightInputs build() {
            return new InsightInputs(window, generatedAt, busFactor, pickupHours, cycleTimeHours, commits,
                    changeFailureRate, hotspots, openPullRequests, contributors, releases);
        }
    }
}
