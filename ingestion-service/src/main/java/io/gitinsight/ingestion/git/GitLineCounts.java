package io.gitinsight.ingestion.git;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.eclipse.jgit.diff.DiffAlgorithm;
import org.eclipse.jgit.diff.Edit;
import org.eclipse.jgit.diff.Sequence;
import org.eclipse.jgit.diff.SequenceComparator;

/**
 * Lines added and deleted between two versions of a text file, as {@code git diff --numstat} counts them.
 * A true minimal diff (JGit's Myers alone) can differ from git by a few lines, because git's xdiff first
 * sets aside lines that can only match ambiguously: after trimming the common head and tail, a line that
 * does not occur in the other file at all is changed; a line occurring there "too often" (at least about
 * √n times, n the file's line count, capped at 1024) is treated as changed too when it sits inside a run
 * of such unmatchable lines (xprepare.c: {@code xdl_cleanup_records}, {@code xdl_clean_mmatch}). Myers
 * then runs on the remaining lines. Lines are compared with their line terminator, as xdiff does, so a
 * final line gaining a newline counts as one deletion and one addition.
 */
final class GitLineCounts {

    static final DiffAlgorithm MYERS = DiffAlgorithm.getAlgorithm(DiffAlgorithm.SupportedAlgorithm.MYERS);
    private static final int MAX_EQLIMIT = 1024;
    private static final int SIMSCAN_WINDOW = 100;
    private static final int KPDIS_RUN = 4;

    /** {@code [additions, deletions]}. */
    static int[] count(byte[] before, byte[] after) {
        Map<Line, Integer> ids = new HashMap<>();
        int[] a = ids(before, ids);
        int[] b = ids(after, ids);
        int[] countA = occurrences(a, ids.size());
        int[] countB = occurrences(b, ids.size());
        int head = 0;
        while (head < a.length && head < b.length && a[head] == b[head]) {
            head++;
        }
        int tail = 0;
        while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] == b[b.length - 1 - tail]) {
            tail++;
        }
        int[] keptA = kept(a, head, a.length - tail, countB);
        int[] keptB = kept(b, head, b.length - tail, countA);
        int matchedA = 0;
        int[] ra = select(a, keptA);
        int[] rb = select(b, keptB);
        int changedA = 0;
        int changedB = 0;
        for (Edit edit : MYERS.diff(IDS, new Ids(ra), new Ids(rb))) {
            changedA += edit.getLengthA();
            changedB += edit.getLengthB();
        }
        matchedA = ra.length - changedA;
        // everything between head and tail that Myers did not match is changed, discarded lines included
        int deletions = (a.length - head - tail) - matchedA;
        int additions = (b.length - head - tail) - matchedA;
        return new int[] { additions, deletions };
    }

    /** Indexes (into {@code lines}) of the lines in [start, end) that take part in the diff. */
    private static int[] kept(int[] lines, int start, int end, int[] countInOther) {
        int n = lines.length;
        int limit = Math.min(bogoSqrt(n), MAX_EQLIMIT);
        byte[] dis = new byte[n];
        for (int i = start; i < end; i++) {
            int nm = countInOther[lines[i]];
            dis[i] = (byte) (nm == 0 ? 0 : nm >= limit ? 2 : 1);
        }
        List<Integer> kept = new ArrayList<>();
        for (int i = start; i < end; i++) {
            if (dis[i] == 1 || (dis[i] == 2 && !cleanMultimatch(dis, i, start, end - 1))) {
                kept.add(i);
            }
        }
        return kept.stream().mapToInt(Integer::intValue).toArray();
    }

    /** xdl_clean_mmatch: whether a multi-match line sits inside a run of unmatchable lines. */
    private static boolean cleanMultimatch(byte[] dis, int i, int s, int e) {
        if (i - s > SIMSCAN_WINDOW) {
            s = i - SIMSCAN_WINDOW;
        }
        if (e - i > SIMSCAN_WINDOW) {
            e = i + SIMSCAN_WINDOW;
        }
        int rdis0 = 0;
        int rpdis0 = 1;
        for (int r = 1; i - r >= s; r++) {
            if (dis[i - r] == 0) {
                rdis0++;
            } else if (dis[i - r] == 2) {
                rpdis0++;
            } else {
                break;
            }
        }
        if (rdis0 == 0) {
            return false;
        }
        int rdis1 = 0;
        int rpdis1 = 1;
        for (int r = 1; i + r <= e; r++) {
            if (dis[i + r] == 0) {
                rdis1++;
            } else if (dis[i + r] == 2) {
                rpdis1++;
            } else {
                break;
            }
        }
        if (rdis1 == 0) {
            return false;
        }
        rdis1 += rdis0;
        rpdis1 += rpdis0;
        return rpdis1 * KPDIS_RUN < rpdis1 + rdis1;
    }

    /** xdl_bogosqrt: git's integer square-root approximation. */
    static int bogoSqrt(int n) {
        int i = 1;
        for (int v = n; v > 0; v >>= 2) {
            i <<= 1;
        }
        return i;
    }

    private static int[] select(int[] lines, int[] indexes) {
        int[] out = new int[indexes.length];
        for (int i = 0; i < indexes.length; i++) {
            out[i] = lines[indexes[i]];
        }
        return out;
    }

    private static int[] occurrences(int[] lines, int distinct) {
        int[] counts = new int[distinct];
        for (int id : lines) {
            counts[id]++;
        }
        return counts;
    }

    /** Each line (terminator included) as the id of its content. */
    private static int[] ids(byte[] text, Map<Line, Integer> ids) {
        List<Integer> out = new ArrayList<>();
        int start = 0;
        while (start < text.length) {
            int end = start;
            while (end < text.length && text[end] != '\n') {
                end++;
            }
            end = Math.min(end + 1, text.length);
            out.add(ids.computeIfAbsent(new Line(text, start, end), k -> ids.size()));
            start = end;
        }
        return out.stream().mapToInt(Integer::intValue).toArray();
    }

    private static final class Line {
        private final byte[] text;
        private final int start;
        private final int end;
        private final int hash;

        Line(byte[] text, int start, int end) {
            this.text = text;
            this.start = start;
            this.end = end;
            int h = 1;
            for (int i = start; i < end; i++) {
                h = 31 * h + text[i];
            }
            this.hash = h;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Line other && Arrays.equals(text, start, end, other.text, other.start, other.end);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    private static final class Ids extends Sequence {
        final int[] ids;

        Ids(int[] ids) {
            this.ids = ids;
        }

        @Override
        public int size() {
            return ids.length;
        }
    }

    private static final SequenceComparator<Ids> IDS = new SequenceComparator<>() {
        @Override
        public boolean equals(Ids a, int ai, Ids b, int bi) {
            return a.ids[ai] == b.ids[bi];
        }

        @Override
        public int hash(Ids seq, int ptr) {
            return seq.ids[ptr];
        }
    };
}
