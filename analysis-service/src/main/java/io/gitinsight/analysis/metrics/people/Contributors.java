package io.gitinsight.analysis.metrics.people;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Review;

/**
 * The contributors table. Credit per commit of history (merges included, as {@code commit_count} counts
 * them): the author and each distinct co-author of its {@code Co-authored-by:} trailers get one commit each,
 * a person named twice on one commit is credited once. Lines go to the author alone, from non-merge commits
 * (binary files count 0), so that the people's additions add up to the repository's. Pull requests count
 * by author whatever their state; reviews count when submitted (not review comments, not pending ones) on
 * someone else's pull request. Shares divide by the people's commits only: bots are listed apart with share 0.
 */
public final class Contributors {

    private static final Comparator<Contributor> MOST_COMMITS_FIRST = Comparator
            .comparingInt(Contributor::commits).reversed().thenComparing(Contributor::login);

    private Contributors() {
    }

    /** {@code roster}: resolved from the same history, pull requests and reviews. */
    public static ContributorTable of(List<Commit> history, List<PullRequest> pulls, List<Review> reviews,
            Roster roster) {
        Map<Person, Tally> tallies = new HashMap<>();
        Set<String> seen = new HashSet<>();
        for (Commit commit : history) {
            if (!seen.add(commit.sha())) {
                continue;
            }
            Person author = roster.of(commit.author());
            Set<Person> credited = new LinkedHashSet<>();
            credited.add(author);
            commit.coAuthors().forEach(coAuthor -> credited.add(roster.of(coAuthor)));
            Instant authoredAt = commit.authoredAt().toInstant();
            credited.forEach(person -> tallies.computeIfAbsent(person, p -> new Tally()).credit(authoredAt));
            if (!commit.isMerge()) {
                tallies.get(author).lines(commit.files());
            }
        }
        Map<Integer, String> pullAuthors = new HashMap<>();
        for (PullRequest pull : pulls) {
            if (pull.author() != null) {
                pullAuthors.put(pull.number(), pull.author());
                tallies.computeIfAbsent(byLogin(roster, pull.author()), p -> new Tally()).prsOpened++;
            }
        }
        for (Review review : reviews) {
            String pullAuthor = pullAuthors.get(review.pullRequestNumber());
            if (!review.comment() && review.submittedAt() != null && review.reviewer() != null
                    && !review.reviewer().equalsIgnoreCase(pullAuthor)) {
                tallies.computeIfAbsent(byLogin(roster, review.reviewer()), p -> new Tally()).reviewsGiven++;
            }
        }
        long peopleCommits = tallies.entrySet().stream().filter(e -> !e.getKey().bot())
                .mapToLong(e -> e.getValue().commits).sum();
        List<Contributor> people = new ArrayList<>();
        List<Contributor> bots = new ArrayList<>();
        tallies.forEach((person, tally) -> {
            double share = person.bot() || peopleCommits == 0 ? 0 : (double) tally.commits / peopleCommits;
            (person.bot() ? bots : people).add(new Contributor(person.key(), person.name(), person.emails(),
                    person.bot(), tally.commits, tally.additions, tally.deletions, tally.prsOpened,
                    tally.reviewsGiven, tally.first, tally.last, share));
        });
        people.sort(MOST_COMMITS_FIRST);
        bots.sort(MOST_COMMITS_FIRST);
        return new ContributorTable(people, bots);
    }

    private static Person byLogin(Roster roster, String login) {
        return roster.byLogin(login)
                .orElseThrow(() -> new IllegalArgumentException("login not in the roster: " + login));
    }

    private static final class Tally {
        int commits;
        long additions;
        long deletions;
        int prsOpened;
        int reviewsGiven;
        Instant first;
        Instant last;

        void credit(Instant authoredAt) {
            commits++;
            first = first == null || authoredAt.isBefore(first) ? authoredAt : first;
            last = last == null || authoredAt.isAfter(last) ? authoredAt : last;
        }

        void lines(List<FileChange> files) {
            for (FileChange file : files) {
                additions += file.binary() ? 0 : file.additions();
                deletions += file.binary() ? 0 : file.deletions();
            }
        }
    }
}
