package io.gitinsight.systemtest.github;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;

import io.gitinsight.systemtest.platform.Commands;

/**
 * CONTRACT §4's git figures of a repository's default branch, worked out by the git CLI itself:
 * {@code git rev-list --count}, {@code git log --numstat --no-merges} (a binary file's "-" counts 0), the UTC
 * dates of the author dates, and the minutes between the first and the last of them.
 */
public record GitFigures(long commitCount, long additions, long deletions, long activeDays, long timeSpentMinutes) {

    public static GitFigures of(OriginRepository origin) throws IOException, InterruptedException {
        String branch = OriginRepository.BRANCH;
        long commits = Long.parseLong(origin.git("rev-list", "--count", branch).trim());
        long additions = 0;
        long deletions = 0;
        for (String line : origin.git("log", "--numstat", "--no-merges", "--format=", branch).split("\n")) {
            String[] columns = line.split("\t");
            if (columns.length == 3) {
                additions += columns[0].equals("-") ? 0 : Long.parseLong(columns[0]);
                deletions += columns[1].equals("-") ? 0 : Long.parseLong(columns[1]);
            }
        }
        Set<LocalDate> days = new HashSet<>();
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (String seconds : origin.git("log", "--format=%at", branch).trim().split("\n")) {
            long at = Long.parseLong(seconds);
            days.add(LocalDate.ofInstant(Instant.ofEpochSecond(at), ZoneOffset.UTC));
            first = Math.min(first, at);
            last = Math.max(last, at);
        }
        return new GitFigures(commits, additions, deletions, days.size(), (last - first) / 60);
    }

    /** Non-blank, non-comment lines per language at the branch tip, as cloc counts them. */
    public static JsonNode cloc(OriginRepository origin) throws IOException, InterruptedException {
        String json = Commands.run(origin.dir(), java.util.Map.of(), Duration.ofSeconds(120),
                List.of("cloc", "--json", "--quiet", "--vcs=git", "."));
        return Fixtures.JSON.readTree(json);
    }
}
