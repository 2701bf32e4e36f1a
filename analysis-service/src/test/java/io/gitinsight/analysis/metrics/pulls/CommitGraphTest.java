package io.gitinsight.analysis.metrics.pulls;

import static io.gitinsight.analysis.metrics.pulls.TestData.commit;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CommitGraphTest {

    // a ← b ← d ← e, a ← c ← d (d merges b and c); "gone" is a parent missing from a shallow history
    private final CommitGraph graph = new CommitGraph(List.of(commit("a").parents("gone").build(),
            commit("b").parents("a").build(), commit("c").parents("a").build(), commit("d").parents("b", "c").build(),
            commit("e").parents("d").build()));

    @Test
    void reachableFromButNotListsWhatGitRevListWould() {
        // git rev-list e ^b → e d c (a is reachable from b)
        assertThat(graph.reachableFromButNot("e", List.of("b"))).containsExactlyInAnyOrder("e", "d", "c");
        assertThat(graph.reachableFromButNot("b", List.of("e"))).isEmpty();
    }

    @Test
    void aCommitReachedFromBothSidesIsExcludedEvenWhenFirstQueuedAsWanted() {
        // x ← y ← z and x ← w, with t merging z and w: rev-list t ^z → t w (x is reached from w first, then
        // found to be an ancestor of z); an excluded tip the history lacks excludes nothing
        CommitGraph diamond = new CommitGraph(List.of(commit("x").build(), commit("y").parents("x").build(),
                commit("z").parents("y").build(), commit("w").parents("x").build(),
                commit("t").parents("z", "w").build()));

        assertThat(diamond.reachableFromButNot("t", List.of("z"))).containsExactly("t", "w");
        assertThat(diamond.reachableFromButNot("w", List.of("unknown"))).containsExactly("w", "x");
    }

    @Test
    void ancestryStopsAtParentsTheHistoryDoesNotHold() {
        assertThat(graph.ancestry("d")).containsExactlyInAnyOrder("d", "b", "c", "a");
        assertThat(graph.ancestry("unknown")).isEmpty();
    }

    @Test
    void aCommitIsItsOwnAncestorAndSiblingsAreNot() {
        assertThat(graph.isAncestor("a", "e")).isTrue();
        assertThat(graph.isAncestor("e", "e")).isTrue();
        assertThat(graph.isAncestor("b", "c")).isFalse();
        assertThat(graph.isAncestor("e", "a")).isFalse();
    }
}
