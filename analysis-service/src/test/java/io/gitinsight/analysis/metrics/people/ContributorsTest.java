package io.gitinsight.analysis.metrics.people;

import static io.gitinsight.analysis.metrics.git.HistoryBuilder.who;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.git.GitMetrics;
import io.gitinsight.analysis.metrics.git.GitSummary;
import io.gitinsight.analysis.metrics.git.HistoryBuilder;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.PullRequest;
import io.gitinsight.analysis.metrics.model.Review;

class ContributorsTest {

    private static final Identity ALICE = who("Alice Smith", "alice@corp.example");
    private static final Identity ALICE_NOREPLY = who("Alice Smith", "11+alice@users.noreply.github.com");
    private static final Identity BOB = who("Bob", "bob@corp.example");
    private static final Identity CAROL = who("Carol", "carol@corp.example");
    private static final Identity DEPENDABOT = who("dependabot[bot]",
            "49699333+dependabot[bot]@users.noreply.github.com");
    private static final IdentityResolver RESOLVER = new IdentityResolver(Map.of("bob@corp.example", "bob"), null);

    /**
     * c1 Alice +10; c2 Bob +5 -3 with co-authors Carol and Alice; c3 (on c1) Alice by her noreply address +7 -1
     * and a binary, co-authored by herself under her other address; c4 Bob merges c2 and c3; c5 dependabot +1 -1
     * co-authored by Bob; c6 Carol +2 -2.
     */
    private static List<Commit> history() {
        HistoryBuilder history = new HistoryBuilder();
        String c1 = history.commit(ALICE, "2026-01-01T10:00:00Z").change("a.txt", 10, 0).done();
        String c2 = history.commit(BOB, "2026-01-02T10:00:00Z").change("a.txt", 5, 3).coAuthor(CAROL)
                .coAuthor(ALICE_NOREPLY).done();
        String c3 = history.commit(ALICE_NOREPLY, "2026-01-03T10:00:00Z").on(c1).change("b.txt", 7, 1)
                .binary("logo.png").coAuthor(ALICE).done();
        history.merge(BOB, "2026-01-04T10:00:00Z", c2, c3);
        history.commit(DEPENDABOT, "2026-01-05T10:00:00Z").change("pom.xml", 1, 1).coAuthor(BOB).done();
        history.commit(CAROL, "2026-01-06T10:00:00Z").change("c.txt", 2, 2).done();
        return history.build();
    }

    private static final List<PullRequest> PULLS = List.of(pull(1, "alice"), pull(2, "bob"),
            pull(3, "dependabot[bot]"), pull(4, "Alice"), pull(5, "dave"));

    private static final List<Review> REVIEWS = List.of(
            review(1, "bob", "APPROVED", false), // counted
            review(1, "bob", "COMMENTED", true), // a review comment, not a review
            review(1, "alice", "COMMENTED", false), // on her own pull request
            review(2, "alice", "CHANGES_REQUESTED", false), // counted
            new Review(5, 2, "alice", "PENDING", null, false), // never submitted
            review(3, "bob", "APPROVED", false), // counted: a bot's pull request is someone else's
            review(4, "ALICE", "COMMENTED", false), // her own again, in capitals
            review(2, "dave", "COMMENTED", false), // counted
            review(99, "dave", "APPROVED", false)); // counted: a pull request we do not know is not his own

    @Test
    void creditsAuthorsAndCoAuthorsWithCommitsAndAuthorsWithLines() {
        List<Commit> history = history();
        Roster roster = RESOLVER.resolve(history, PULLS, REVIEWS);

        ContributorTable table = Contributors.of(history, PULLS, REVIEWS, roster);

        // alice: c1, c2 (co), c3 (author and co-author, once) = 3; lines c1 + c3 = +17 -1 (binary 0)
        // bob: c2, c4 (the merge), c5 (co) = 3; lines c2 only = +5 -3 (c5's lines are the bot's)
        // carol (no login): c2 (co), c6 = 2; +2 -2. dave: no commits, one pull request, two reviews
        // shares over the people's 3 + 3 + 2 = 8 commits: 3/8, 3/8, 2/8, 0
        assertThat(table.people()).containsExactly(
                new Contributor("alice", "Alice Smith", List.of("11+alice@users.noreply.github.com",
                        "alice@corp.example"), false, 3, 17, 1, 2, 1, at("01-01"), at("01-03"), 0.375),
                new Contributor("bob", "Bob", List.of("bob@corp.example"), false, 3, 5, 3, 1, 2, at("01-02"),
                        at("01-05"), 0.375),
                new Contributor("carol@corp.example", "Carol", List.of("carol@corp.example"), false, 2, 2, 2, 0, 0,
                        at("01-02"), at("01-06"), 0.25),
                new Contributor("dave", "dave", List.of(), false, 0, 0, 0, 1, 2, null, null, 0));
        assertThat(table.bots()).containsExactly(new Contributor("dependabot[bot]", "dependabot[bot]",
                List.of("49699333+dependabot[bot]@users.noreply.github.com"), true, 1, 1, 1, 1, 0, at("01-05"),
                at("01-05"), 0));
        assertThat(table.all()).hasSize(5).endsWith(table.bots().get(0));
    }

    @Test
    void addsUpToTheRepositorysLines() {
        List<Commit> history = history();
        ContributorTable table = Contributors.of(history, PULLS, REVIEWS, RESOLVER.resolve(history, PULLS, REVIEWS));

        GitSummary summary = GitMetrics.summarize(history);
        // 10 + 5 + 7 + 1 + 2 = 25 added, 3 + 1 + 1 + 2 = 7 deleted, whoever is credited
        assertThat(table.all().stream().mapToLong(Contributor::additions).sum()).isEqualTo(summary.additions())
                .isEqualTo(25);
        assertThat(table.all().stream().mapToLong(Contributor::deletions).sum()).isEqualTo(summary.deletions())
                .isEqualTo(7);
        assertThat(table.people().stream().mapToDouble(Contributor::share).sum()).isEqualTo(1.0);
    }

    @Test
    void givesNoShareWhenOnlyBotsCommitted() {
        HistoryBuilder history = new HistoryBuilder();
        history.commit(DEPENDABOT, "2026-01-05T10:00:00Z").change("pom.xml", 1, 1).done();
        List<Commit> commits = history.build();

        ContributorTable table = Contributors.of(commits, List.of(), List.of(),
                RESOLVER.resolve(commits, List.of(), List.of()));

        assertThat(table.people()).isEmpty();
        assertThat(table.bots()).extracting(Contributor::commits, Contributor::share).containsExactly(
                tuple(1, 0.0));
    }

    private static Instant at(String monthDay) {
        return Instant.parse("2026-" + monthDay + "T10:00:00Z");
    }

    private static PullRequest pull(int number, String author) {
        Instant created = Instant.parse("2026-01-10T00:00:00Z");
        return new PullRequest(number, "PR " + number, author, "open", false, created, null, null, null,
                "topic-" + number, "h" + number, "main", null, List.of(), 1, 0);
    }

    private static Review review(int pull, String reviewer, String state, boolean comment) {
        return new Review(pull * 100L + reviewer.length(), pull, reviewer, state, Instant.parse("2026-01-11T00:00:00Z"),
                comment);
    }
}
