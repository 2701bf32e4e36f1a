package io.gitinsight.analysis.metrics.people;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import io.gitinsight.analysis.metrics.git.HistoryOrder;
import io.gitinsight.analysis.metrics.loc.VendoredPaths;
import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.SourceFile;

/**
 * Degree of authorship (DOA) of each file at the tip, the first half of Avelino et al.'s truck factor (see
 * {@link TruckFactor}): {@code DOA = 3.293 + 1.098·FA + 0.164·DL − 0.321·ln(1 + AC)}.
 * <p>
 * A file's history is every non-merge commit that changed it under its current path or, through renames
 * ({@link FileChange#oldPath()}), under an earlier one; the history is walked children first, so that a path
 * means the file it held at that time. The earliest change created the file: its author has FA = 1. As in the
 * authors' own tool (aserg-ufmg/Truck-Factor, {@code DOACalculator}: an add sets the first author, modifications
 * and renames count as deliveries), the creating commit is not a delivery: DL counts a developer's later changes,
 * AC the other developers' later changes. One commit is one change however many of the file's old paths it
 * touches.
 * <p>
 * Developers are people of the {@link Roster}, the commit's author only (a co-author wrote no commit). Bots are
 * not developers: their changes count for nobody, and a file a bot created has no first author. A path deleted
 * and re-created without a rename continues the old file's history: the model does not say which change was a
 * deletion. Files in vendored folders ({@link VendoredPaths}) are left out, as the original leaves out
 * third-party code.
 */
public final class Authorship {

    static final double DOA_THRESHOLD = 3.293;
    static final double NORMALIZED_THRESHOLD = 0.75;

    private Authorship() {
    }

    public static double doa(boolean firstAuthor, int deliveries, int acceptances) {
        return DOA_THRESHOLD + 1.098 * (firstAuthor ? 1 : 0) + 0.164 * deliveries - 0.321 * Math.log(1 + acceptances);
    }

    /** The tip's files (vendored ones left out), by path. */
    public static List<FileAuthorship> of(List<Commit> history, List<SourceFile> files, Roster roster) {
        Set<String> tip = new TreeSet<>();
        files.stream().map(SourceFile::path).filter(p -> !VendoredPaths.isVendored(p)).forEach(tip::add);
        Map<String, List<Person>> changesNewestFirst = changes(history, tip, roster);
        List<FileAuthorship> authorship = new ArrayList<>(tip.size());
        for (String path : tip) {
            authorship.add(new FileAuthorship(path, developers(changesNewestFirst.getOrDefault(path, List.of()))));
        }
        return authorship;
    }

    /** Per tip path, the authors of the commits that changed its lineage, newest first. */
    private static Map<String, List<Person>> changes(List<Commit> history, Set<String> tip, Roster roster) {
        Map<String, String> lineage = new HashMap<>();
        tip.forEach(path -> lineage.put(path, path));
        Map<String, List<Person>> changes = new HashMap<>();
        for (Commit commit : HistoryOrder.newestFirst(history)) {
            if (commit.isMerge()) {
                continue;
            }
            Person author = roster.of(commit.author());
            Set<String> touched = new HashSet<>();
            Map<String, String> earlierPaths = new LinkedHashMap<>();
            for (FileChange change : commit.files()) {
                String file = lineage.get(change.path());
                if (file == null) {
                    continue;
                }
                if (touched.add(file)) {
                    changes.computeIfAbsent(file, f -> new ArrayList<>()).add(author);
                }
                if (change.oldPath() != null && !change.oldPath().equals(change.path())) {
                    earlierPaths.put(change.path(), change.oldPath());
                }
            }
            // before this commit the renamed files lived at their old paths (all at once: a swap stays a swap).
            // The new path keeps naming the file too: the same rename made again on a parallel branch (a
            // cherry-pick) comes later in this walk and still changes this file, as git log --follow says.
            Map<String, String> moved = new HashMap<>();
            earlierPaths.forEach((path, oldPath) -> moved.put(oldPath, lineage.get(path)));
            lineage.putAll(moved);
        }
        return changes;
    }

    private static List<DeveloperDoa> developers(List<Person> newestFirst) {
        if (newestFirst.isEmpty()) {
            return List.of();
        }
        Person creator = newestFirst.get(newestFirst.size() - 1);
        String firstAuthor = creator.bot() ? null : creator.key();
        Set<String> developers = new TreeSet<>();
        if (firstAuthor != null) {
            developers.add(firstAuthor);
        }
        Map<String, Integer> deliveries = new HashMap<>();
        int total = 0;
        for (Person person : newestFirst.subList(0, newestFirst.size() - 1)) {
            if (!person.bot()) {
                developers.add(person.key());
                deliveries.merge(person.key(), 1, Integer::sum);
                total++;
            }
        }
        List<DeveloperDoa> raw = new ArrayList<>();
        for (String developer : developers) {
            boolean fa = developer.equals(firstAuthor);
            int dl = deliveries.getOrDefault(developer, 0);
            raw.add(new DeveloperDoa(developer, fa, dl, total - dl, doa(fa, dl, total - dl), 0));
        }
        double max = raw.stream().mapToDouble(DeveloperDoa::doa).max().orElse(0);
        return raw.stream()
                .map(d -> new DeveloperDoa(d.developer(), d.firstAuthor(), d.deliveries(), d.acceptances(), d.doa(),
                        max > 0 ? d.doa() / max : 0))
                .sorted(Comparator.comparingDouble(DeveloperDoa::doa).reversed().thenComparing(DeveloperDoa::developer))
                .toList();
    }
}
