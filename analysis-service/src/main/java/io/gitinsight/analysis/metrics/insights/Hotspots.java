package io.gitinsight.analysis.metrics.insights;

import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Window;

/**
 * Per-file churn and authorship over a window, from the non-merge commits authored in it, most churned × most
 * authored first. Binary files, dependency lock files and vendored or generated folders (as LOC excludes them)
 * are left out: a {@code package-lock.json} rewritten by every dependency bump is busy, not a hotspot. A renamed
 * file counts under its new path.
 */
public final class Hotspots {

    private static final Pattern IGNORED = Pattern.compile(
            "(^|/)(node_modules|vendor|build|dist|target)/|(^|/)(package-lock\\.json|yarn\\.lock|pnpm-lock\\.yaml"
                    + "|Cargo\\.lock|go\\.sum|poetry\\.lock|Gemfile\\.lock|composer\\.lock)$");

    private Hotspots() {
    }

    /** People are told apart by author email, ignoring case. */
    public static List<FileChurn> compute(List<Commit> commits, Window window) {
        return compute(commits, window, c -> c.author().email().toLowerCase(Locale.ROOT));
    }

    public static List<FileChurn> compute(List<Commit> commits, Window window, Function<Commit, String> person) {
        Map<String, long[]> churnAndCommits = new HashMap<>();
        Map<String, Set<String>> authors = new HashMap<>();
        for (Commit c : commits) {
            if (c.isMerge() || !window.contains(c.authoredAt().toInstant())) {
                continue;
            }
            for (FileChange f : c.files()) {
                if (f.binary() || IGNORED.matcher(f.path()).find()) {
                    continue;
                }
                long[] totals = churnAndCommits.computeIfAbsent(f.path(), p -> new long[2]);
                totals[0] += f.additions() + f.deletions();
                totals[1]++;
                authors.computeIfAbsent(f.path(), p -> new HashSet<>()).add(person.apply(c));
            }
        }
        return churnAndCommits.entrySet().stream()
                .map(e -> new FileChurn(e.getKey(), e.getValue()[0], authors.get(e.getKey()).size(),
                        (int) e.getValue()[1]))
                .sorted(Comparator.comparingLong((FileChurn f) -> f.churn() * f.authors()).reversed()
                        .thenComparing(FileChurn::path))
                .toList();
    }
}
