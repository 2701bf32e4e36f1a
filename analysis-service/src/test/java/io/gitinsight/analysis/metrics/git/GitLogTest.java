package io.gitinsight.analysis.metrics.git;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The numstat path forms the real-history test parses. */
class GitLogTest {

    @Test
    void readsPlainAndRenamedPaths() {
        assertThat(GitLog.paths("src/A.java")).containsExactly(null, "src/A.java");
        assertThat(GitLog.paths("a.txt => b.txt")).containsExactly("a.txt", "b.txt");
        assertThat(GitLog.paths("src/{auth => support}/X.java")).containsExactly("src/auth/X.java",
                "src/support/X.java");
        assertThat(GitLog.paths("src/{ => sub}/X.java")).containsExactly("src/X.java", "src/sub/X.java");
        assertThat(GitLog.paths("{old => new}/X.java")).containsExactly("old/X.java", "new/X.java");
        assertThat(GitLog.paths("{ => new}/X.java")).containsExactly("X.java", "new/X.java");
    }
}
