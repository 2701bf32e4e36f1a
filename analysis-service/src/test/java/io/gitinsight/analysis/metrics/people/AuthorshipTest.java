package io.gitinsight.analysis.metrics.people;

import static io.gitinsight.analysis.metrics.git.HistoryBuilder.who;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.git.HistoryBuilder;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.SourceFile;

class AuthorshipTest {

    static final Identity ALICE = who("Alice", "alice@example.com");
    static final Identity BOB = who("Bob", "bob@example.com");
    static final Identity CAROL = who("Carol", "carol@example.com");
    static final Identity DAVE = who("Dave", "dave@example.com");
    static final Identity BOT = who("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com");
    private static final IdentityResolver RESOLVER = new IdentityResolver(null, null);

    /**
     * src/Core.java: Alice creates it (c1); Bob (c2, c3), Carol (c4, Dave co-authoring), Alice (c5) change it,
     * the bot too (c6); Bob renames it to lib/Core.java (c7). pom.xml: the bot creates it, Alice edits it once.
     */
    private static List<Commit> history() {
        HistoryBuilder history = new HistoryBuilder();
        history.commit(ALICE, "2026-01-01T10:00:00Z").change("src/Core.java", 40, 0).done();
        history.commit(BOB, "2026-01-02T10:00:00Z").change("src/Core.java", 5, 1).done();
        history.commit(BOB, "2026-01-03T10:00:00Z").change("src/Core.java", 2, 2).done();
        history.commit(CAROL, "2026-01-04T10:00:00Z").change("src/Core.java", 3, 0).coAuthor(DAVE).done();
        history.commit(ALICE, "2026-01-05T10:00:00Z").change("src/Core.java", 1, 1).done();
        history.commit(BOT, "2026-01-06T10:00:00Z").change("src/Core.java", 1, 1).change("pom.xml", 20, 0).done();
        history.commit(BOB, "2026-01-07T10:00:00Z").rename("src/Core.java", "lib/Core.java", 0, 0).done();
        history.commit(ALICE, "2026-01-08T10:00:00Z").change("pom.xml", 1, 1).done();
        return history.build();
    }

    static List<SourceFile> tip(String... paths) {
        return Stream.of(paths).map(path -> new SourceFile(path, "Java", 100, 10, 0, 0)).toList();
    }

    @Test
    void computesTheDegreeOfAuthorshipOfEachDeveloper() {
        List<Commit> history = history();
        List<FileAuthorship> files = Authorship.of(history, tip("lib/Core.java"), RESOLVER.resolve(history, List.of(),
                List.of()));

        // after the creation: Bob c2, c3, c7 (the rename is a change), Carol c4, Alice c5 = 5 changes; the bot's
        // change counts for nobody, Dave only co-authored
        // Alice FA=1 DL=1 AC=4: 3.293 + 1.098 + 0.164 - 0.321·ln 5 (1.6094) = 4.5550 - 0.5166 = 4.0384
        // Bob   FA=0 DL=3 AC=2: 3.293 + 0.492 - 0.321·ln 3 (1.0986) = 3.7850 - 0.3527 = 3.4323
        // Carol FA=0 DL=1 AC=4: 3.293 + 0.164 - 0.5166 = 2.9404
        // normalized by Alice's 4.0384: Bob 0.8499 (> 0.75, DOA >= 3.293: an author), Carol 0.7281 (neither)
        assertThat(files).singleElement().satisfies(file -> {
            assertThat(file.path()).isEqualTo("lib/Core.java");
            assertThat(file.developers()).extracting(DeveloperDoa::developer, DeveloperDoa::firstAuthor,
                    DeveloperDoa::deliveries, DeveloperDoa::acceptances)
                    .containsExactly(tuple("alice@example.com", true, 1, 4),
                            tuple("bob@example.com", false, 3, 2),
                            tuple("carol@example.com", false, 1, 4));
            assertThat(file.developers().get(0).doa()).isCloseTo(4.0384, within(1e-4));
            assertThat(file.developers().get(1).doa()).isCloseTo(3.4323, within(1e-4));
            assertThat(file.developers().get(2).doa()).isCloseTo(2.9404, within(1e-4));
            assertThat(file.developers()).extracting(DeveloperDoa::normalized).satisfiesExactly(
                    n -> assertThat(n).isEqualTo(1.0), n -> assertThat(n).isCloseTo(0.8499, within(1e-4)),
                    n -> assertThat(n).isCloseTo(0.7281, within(1e-4)));
            assertThat(file.authors()).containsExactly("alice@example.com", "bob@example.com");
        });
    }

    @Test
    void givesAFileABotCreatedNoFirstAuthor() {
        List<Commit> history = history();
        List<FileAuthorship> files = Authorship.of(history, tip("pom.xml"), RESOLVER.resolve(history, List.of(),
                List.of()));

        // Alice FA=0 DL=1 AC=0: 3.293 + 0.164 = 3.457, alone so normalized 1: the author
        assertThat(files.get(0).developers()).singleElement().satisfies(alice -> {
            assertThat(alice.firstAuthor()).isFalse();
            assertThat(alice.doa()).isCloseTo(3.457, within(1e-9));
        });
        assertThat(files.get(0).authors()).containsExactly("alice@example.com");
    }

    @Test
    void leavesOutVendoredFilesAndKeepsFilesWithoutHistory() {
        List<Commit> history = history();
        List<FileAuthorship> files = Authorship.of(history, tip("vendor/lib/x.go", "NOTICE", "pom.xml"),
                RESOLVER.resolve(history, List.of(), List.of()));

        assertThat(files).extracting(FileAuthorship::path).containsExactly("NOTICE", "pom.xml");
        assertThat(files.get(0).developers()).isEmpty();
    }

    @Test
    void followsTwoFilesThatSwapPathsInOneCommit() {
        HistoryBuilder history = new HistoryBuilder();
        history.commit(ALICE, "2026-02-01T10:00:00Z").change("a.txt", 3, 0).done();
        history.commit(BOB, "2026-02-02T10:00:00Z").change("b.txt", 3, 0).done();
        history.commit(CAROL, "2026-02-03T10:00:00Z").rename("b.txt", "a.txt", 0, 0).rename("a.txt", "b.txt", 0, 0)
                .done();
        List<Commit> commits = history.build();

        List<FileAuthorship> files = Authorship.of(commits, tip("a.txt", "b.txt"),
                RESOLVER.resolve(commits, List.of(), List.of()));

        // a.txt now holds what Bob created, b.txt what Alice created; Carol's swap is one change to each
        assertThat(files).extracting(f -> f.developers().stream().filter(DeveloperDoa::firstAuthor)
                .map(DeveloperDoa::developer).findFirst().orElseThrow())
                .containsExactly("bob@example.com", "alice@example.com");
        assertThat(files.get(0).developers()).extracting(DeveloperDoa::deliveries).containsExactly(0, 1);
    }

    @Test
    void computesDoaByTheFormula() {
        // 3.293 + 1.098 + 0.164·2 - 0.321·ln(1 + 0) = 4.719
        assertThat(Authorship.doa(true, 2, 0)).isCloseTo(4.719, within(1e-9));
        // 3.293 + 0.164 - 0.321·ln 2 (0.6931) = 3.457 - 0.2225 = 3.2345: below 3.293, never an author
        assertThat(Authorship.doa(false, 1, 1)).isCloseTo(3.2345, within(1e-4));
    }
}
