package io.gitinsight.analysis.metrics.git;

import static io.gitinsight.analysis.metrics.git.HistoryBuilder.who;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.Identity;

class HistoryOrderTest {

    private static final Identity ALICE = who("Alice", "alice@example.com");

    @Test
    void putsChildrenBeforeParentsEvenWhenAClockSaysOtherwise() {
        HistoryBuilder history = new HistoryBuilder();
        String c1 = history.commit(ALICE, "2026-03-01T10:00:00Z").done();
        // committed "before" its parent by a skewed clock
        String c2 = history.commit(ALICE, "2026-03-01T09:00:00Z").done();
        String c3 = history.commit(ALICE, "2026-03-02T10:00:00Z").on(c1).done();
        String c4 = history.merge(ALICE, "2026-03-03T10:00:00Z", c2, c3);
        List<Commit> shuffled = new ArrayList<>(history.build());
        Collections.reverse(shuffled);

        // after the merge both c2 and c3 are free; c3 is the later one; c1 waits for both children
        assertThat(HistoryOrder.newestFirst(shuffled)).extracting(Commit::sha).containsExactly(c4, c3, c2, c1);
    }

    @Test
    void ignoresParentsOutsideTheListAndDuplicates() {
        HistoryBuilder history = new HistoryBuilder();
        history.commit(ALICE, "2026-03-01T10:00:00Z").on("outside").done();
        history.commit(ALICE, "2026-03-02T10:00:00Z").done();
        List<Commit> commits = new ArrayList<>(history.build());
        commits.add(commits.get(0));

        assertThat(HistoryOrder.newestFirst(commits)).extracting(Commit::sha).containsExactly("c2", "c1");
    }

    @Test
    void refusesACycle() {
        HistoryBuilder history = new HistoryBuilder();
        history.commit(ALICE, "2026-03-01T10:00:00Z").on("c2").done();
        history.commit(ALICE, "2026-03-02T10:00:00Z").done();

        assertThatThrownBy(() -> HistoryOrder.newestFirst(history.build())).hasMessageContaining("cycle");
    }
}
