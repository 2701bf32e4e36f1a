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
