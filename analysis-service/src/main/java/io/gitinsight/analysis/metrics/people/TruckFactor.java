package io.gitinsight.analysis.metrics.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.SourceFile;

/**
 * {@code bus_factor}: the truck factor of G. Avelino, L. Passos, A. Hora, M. T. Valente, "A novel approach for
 * estimating truck factors", ICPC 2016 (tool: github.com/aserg-ufmg/Truck-Factor, {@code GreedyTruckFactor}).
 * <ol>
 * <li>Authors of each file at the tip by degree of authorship ({@link Authorship}): normalized DOA above 0.75
 * and DOA at least 3.293.</li>
 * <li>Coverage: the share of all the files that have at least one author left. Files nobody authors (a file
 * only bots touched, or one edited by so many that no DOA reaches 3.293) count in the denominator from the
 * start, as in the original, which divides by every file of the repository.</li>
 * <li>While coverage is 50% or more, remove the developer who authors the most files (ties: the smaller key,
 * where the original takes whichever its hash map yields first); the truck factor is the number removed once
 * coverage drops below 50%. So a repository whose coverage is already below 50% has truck factor 0, and so
 * does one without files.</li>
 * </ol>
 */
public final class TruckFactor {

    private static final Comparator<Map.Entry<String, List<String>>> MOST_FILES_FIRST = Comparator
            .comparingInt((Map.Entry<String, List<String>> e) -> e.getValue().size()).reversed()
            .thenComparing(Map.Entry::getKey);

    private TruckFactor() {
    }

    /** {@code roster}: resolved from the same history (bots are left out through it). */
    public static TruckFactorResult compute(List<Commit> history, List<SourceFile> files, Roster roster) {
        return of(Authorship.of(history, files, roster));
    }

    public static TruckFactorResult of(List<FileAuthorship> files) {
        Map<String, List<String>> filesByAuthor = new TreeMap<>();
        Map<String, Integer> authorsLeft = new HashMap<>();
        for (FileAuthorship file : files) {
            for (String author : file.authors()) {
                filesByAuthor.computeIfAbsent(author, a -> new ArrayList<>()).add(file.path());
                authorsLeft.merge(file.path(), 1, Integer::sum);
            }
        }
        int total = files.size();
        int initiallyCovered = authorsLeft.size();
        int covered = initiallyCovered;
        List<TruckFactorResult.Removal> removals = new ArrayList<>();
        // coverage >= 50%, in integers: no rounding decides the edge case
        while (total > 0 && 2 * covered >= total && !filesByAuthor.isEmpty()) {
            Map.Entry<String, List<String>> top = filesByAuthor.entrySet().stream().min(MOST_FILES_FIRST).orElseThrow();
            filesByAuthor.remove(top.getKey());
            for (String path : top.getValue()) {
                if (authorsLeft.merge(path, -1, Integer::sum) == 0) {
                    covered--;
                }
            }
            removals.add(new TruckFactorResult.Removal(top.getKey(), top.getValue().size(), (double) covered / total));
        }
        return new TruckFactorResult(removals.size(), total,
                total == 0 ? 0 : (double) initiallyCovered / total, removals);
    }
}
