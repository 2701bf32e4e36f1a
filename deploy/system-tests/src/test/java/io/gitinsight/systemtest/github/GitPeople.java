package io.gitinsight.systemtest.github;

import java.io.IOException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who did what in a repository's history, read with {@code git log}: commits per person (merges included,
 * co-authors named in {@code Co-authored-by:} trailers credited, bots left out: CONTRACT §4's people), lines
 * per author (non-merge commits), and commits per UTC week or between two instants (author dates).
 */
public final class GitPeople {

    private static final Pattern TRAILER_EMAIL = Pattern.compile("<([^>]+)>");

    private final OriginRepository origin;

    public GitPeople(OriginRepository origin) {
        this.origin = origin;
    }

    /** Email → commits. */
    public Map<String, Long> commitsPerPerson() throws IOException, InterruptedException {
        Map<String, Long> commits = new TreeMap<>();
        String log = origin.git("log", "--format=%x1e%ae%n%(trailers:key=Co-authored-by,valueonly)", OriginRepository.BRANCH);
        for (String entry : log.split("\u001e")) {
            String[] lines = entry.strip().split("\n");
            if (lines[0].isEmpty()) {
                continue;
            }
            credit(commits, lines[0]);
            for (int i = 1; i < lines.length; i++) {
                Matcher email = TRAILER_EMAIL.matcher(lines[i]);
                if (email.find()) {
                    credit(commits, email.group(1));
                }
            }
        }
        return commits;
    }

    private static void credit(Map<String, Long> commits, String email) {
        if (!email.contains("[bot]")) {
            commits.merge(email, 1L, Long::sum);
        }
    }

    /** Email → {additions, deletions} of the commits they authored (merges left out, binary files 0). */
    public Map<String, long[]> linesPerAuthor() throws IOException, InterruptedException {
        Map<String, long[]> lines = new TreeMap<>();
        String author = null;
        for (String line : origin.git("log", "--no-merges", "--numstat", "--format=@%ae", OriginRepository.BRANCH)
                .split("\n")) {
            if (line.startsWith("@")) {
                author = line.substring(1);
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length == 3 && !columns[0].equals("-")) {
                long[] sums = lines.computeIfAbsent(author, a -> new long[2]);
                sums[0] += Long.parseLong(columns[0]);
                sums[1] += Long.parseLong(columns[1]);
            }
        }
        return lines;
    }

    /** Monday (UTC) of each week with commits → commits that week. */
    public Map<LocalDate, Long> commitsPerWeek() throws IOException, InterruptedException {
        Map<LocalDate, Long> weeks = new TreeMap<>();
        for (Instant at : authorDates()) {
            LocalDate monday = LocalDate.ofInstant(at, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            weeks.merge(monday, 1L, Long::sum);
        }
        return weeks;
    }

    /** Commits authored in [from, to). */
    public long commitsBetween(Instant from, Instant to) throws IOException, InterruptedException {
        long count = 0;
        for (Instant at : authorDates()) {
            count += !at.isBefore(from) && at.isBefore(to) ? 1 : 0;
        }
        return count;
    }

    /** Files at the branch tip. */
    public long filesAtTip() throws IOException, InterruptedException {
        return origin.git("ls-tree", "-r", "--name-only", OriginRepository.BRANCH).strip().lines().count();
    }

    private java.util.List<Instant> authorDates() throws IOException, InterruptedException {
        return origin.git("log", "--format=%at", OriginRepository.BRANCH).strip().lines()
                .map(s -> Instant.ofEpochSecond(Long.parseLong(s))).toList();
    }
}
