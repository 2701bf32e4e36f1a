package io.gitinsight.ingestion.git;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class GitLineCountsTest {

    @Test
    void countsLikeGitWhereAMinimalDiffWouldCountFewerLines() throws Exception {
        // k8s/README.md of commit aade30c in this repository: git diff --numstat says 170 19; a minimal
        // Myers diff (JGit's alone) says 167 16, because git sets aside the many repeated lines (blank
        // lines, code fences) that sit among the rewritten ones
        int[] counts = GitLineCounts.count(resource("k8s-readme.before"), resource("k8s-readme.after"));
        assertThat(counts).containsExactly(170, 19);
    }

    @Test
    void countsTheLineTerminatorAsPartOfTheLine() {
        // "b" without a newline becomes "b\n": git shows -1 +1
        assertThat(GitLineCounts.count(bytes("a\nb"), bytes("a\nb\n"))).containsExactly(1, 1);
        assertThat(GitLineCounts.count(bytes(""), bytes("x\ny\n"))).containsExactly(2, 0);
        assertThat(GitLineCounts.count(bytes("x\ny\n"), bytes(""))).containsExactly(0, 2);
        assertThat(GitLineCounts.count(bytes("same\n"), bytes("same\n"))).containsExactly(0, 0);
        // one line changed in the middle
        assertThat(GitLineCounts.count(bytes("1\n2\n3\n"), bytes("1\ntwo\n3\n"))).containsExactly(1, 1);
    }

    @Test
    void approximatesTheSquareRootTheWayGitDoes() {
        // xdl_bogosqrt: 1 shifted left once per base-4 digit
        assertThat(GitLineCounts.bogoSqrt(0)).isEqualTo(1);
        assertThat(GitLineCounts.bogoSqrt(3)).isEqualTo(2);
        assertThat(GitLineCounts.bogoSqrt(4)).isEqualTo(4);
        assertThat(GitLineCounts.bogoSqrt(100)).isEqualTo(16);
    }

    private byte[] resource(String name) throws Exception {
        try (InputStream in = getClass().getResourceAsStream("/git/numstat/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
