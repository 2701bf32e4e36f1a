package io.gitinsight.analysis.metrics.people;

import static io.gitinsight.analysis.metrics.people.AuthorshipTest.ALICE;
import static io.gitinsight.analysis.metrics.people.AuthorshipTest.BOB;
import static io.gitinsight.analysis.metrics.people.AuthorshipTest.BOT;
import static io.gitinsight.analysis.metrics.people.AuthorshipTest.CAROL;
import static io.gitinsight.analysis.metrics.people.AuthorshipTest.tip;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.git.HistoryBuilder;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Identity;
import io.gitinsight.analysis.metrics.model.SourceFile;
import io.gitinsight.analysis.metrics.people.TruckFactorResult.Removal;

class TruckFactorTest {

    private static final IdentityResolver RESOLVER = new IdentityResolver(null, null);
    private static final String A = "alice@example.com";
    private static final String B = "bob@example.com";

    private final HistoryBuilder history = new HistoryBuilder();
    private int day = 1;

    /** {@code developer} creates {@code path} and changes it {@code edits} more times. */
    private void own(Identity developer, String path, int edits) {
        for (int i = 0; i <= edits; i++) {
            history.commit(developer, String.format("2026-01-%02dT10:00:00Z", day++)).change(path, 1, 0).done();
        }
    }

    private TruckFactorResult truckFactor(List<SourceFile> files) {
        List<Commit> commits = history.build();
        return TruckFactor.compute(commits, files, RESOLVER.resolve(commits, List.of(), List.of()));
    }

    @Test
    void isOneWhenOneDeveloperOwnsThreeFilesOfFour() {
        own(ALICE, "a", 2);
        own(ALICE, "b", 1);
        own(ALICE, "c", 0);
        own(BOB, "d", 3);

        // everyone authors only their own files: 4 of 4 covered; without Alice 1 of 4 = 25% < 50%
        assertThat(truckFactor(tip("a", "b", "c", "d"))).isEqualTo(new TruckFactorResult(1, 4, 1.0,
                List.of(new Removal(A, 3, 0.25))));
    }

    @Test
    void isTwoWhenTwoDevelopersOwnHalfEachBecauseHalfIsNotFewerThanHalf() {
        own(ALICE, "a", 0);
        own(ALICE, "b", 0);
        own(BOB, "c", 0);
        own(BOB, "d", 0);

        // a tie of 2 files each goes to the smaller key; without Alice 2 of 4 = 50% still covered: remove Bob too
        assertThat(truckFactor(tip("a", "b", "c", "d"))).isEqualTo(new TruckFactorResult(2, 4, 1.0,
                List.of(new Removal(A, 2, 0.5), new Removal(B, 2, 0.0))));
    }

    @Test
    void isOneWhenTheRemainingThirdIsBelowHalf() {
        own(ALICE, "a", 0);
        own(ALICE, "b", 0);
        own(BOB, "c", 0);

        // without Alice 1 of 3 = 33% < 50%
        assertThat(truckFactor(tip("a", "b", "c")).removals()).containsExactly(new Removal(A, 2, 1.0 / 3));
    }

    @Test
    void followsAFileThroughItsRename() {
        own(BOB, "old/Util.java", 3);
        history.commit(ALICE, "2026-02-01T10:00:00Z").rename("old/Util.java", "src/Util.java", 0, 0).done();
        own(ALICE, "src/Main.java", 0);

        // Util: Bob FA=1 DL=3 AC=1: 3.293 + 1.098 + 0.492 - 0.321·ln 2 = 4.6605; Alice DL=1 AC=3:
        // 3.457 - 0.321·ln 4 = 3.0120, normalized 0.6463: Bob alone authors it, Alice alone Main.
        // Read without the rename, Alice would have created Util and the factor would be 1.
        assertThat(truckFactor(tip("src/Util.java", "src/Main.java"))).isEqualTo(new TruckFactorResult(2, 2, 1.0,
                List.of(new Removal(A, 1, 0.5), new Removal(B, 1, 0.0))));
    }

    @Test
    void countsOrphanedFilesFromTheStart() {
        own(ALICE, "a", 0);
        own(ALICE, "b", 0);
        own(BOT, "generated", 5);
        history.commit(BOT, "2026-02-01T10:00:00Z").change("shared", 9, 0).done();
        history.commit(ALICE, "2026-02-02T10:00:00Z").change("shared", 1, 0).done();
        history.commit(BOB, "2026-02-03T10:00:00Z").change("shared", 1, 0).done();

        // "generated": only a bot, no developer. "shared": a bot created it, Alice and Bob have DL=1 AC=1:
        // 3.457 - 0.321·ln 2 = 3.2345 < 3.293, no author. "README" has no history. Coverage 2 of 5 = 40%:
        // below half before anyone leaves
        TruckFactorResult result = truckFactor(tip("a", "b", "generated", "shared", "README"));
        assertThat(result).isEqualTo(new TruckFactorResult(0, 5, 0.4, List.of()));

        // without README: 2 of 4 = 50%, so Alice's leaving counts
        assertThat(truckFactor(tip("a", "b", "generated", "shared"))).isEqualTo(new TruckFactorResult(1, 4, 0.5,
                List.of(new Removal(A, 2, 0.0))));
    }

    @Test
    void neverRemovesABotHoweverManyFilesItTouches() {
        own(BOT, "x", 0);
        history.commit(CAROL, "2026-03-01T10:00:00Z").change("x", 1, 0).done();
        own(BOT, "y", 0);
        history.commit(CAROL, "2026-03-02T10:00:00Z").change("y", 1, 0).done();
        own(BOB, "z", 0);

        // Carol authors x and y (alone with DL=1 there), Bob z; the bot is nobody
        assertThat(truckFactor(tip("x", "y", "z")).removals()).extracting(Removal::developer)
                .containsExactly("carol@example.com");
    }

    @Test
    void isZeroWithoutFiles() {
        own(ALICE, "gone", 0);

        assertThat(truckFactor(List.of())).isEqualTo(new TruckFactorResult(0, 0, 0, List.of()));
    }
}
