package io.gitinsight.analysis.metrics.git;

import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.gitinsight.analysis.metrics.model.Commit;
import io.gitinsight.analysis.metrics.model.FileChange;
import io.gitinsight.analysis.metrics.model.Identity;

/**
 * A history read by {@code git log -M --numstat} into the engine's model, independently of ingestion's JGit
 * reader. Fields are separated by ASCII unit separators and commits by record separators, which no name,
 * email or message here contains; merges get no files (git log shows none for them without {@code -m}).
 */
public final class GitLog {

    private static final String FORMAT = "--format=%x1e%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%cn%x1f%ce%x1f%cI%x1f%B%x1f";
    private static final Pattern CO_AUTHOR = Pattern.compile("(?im)^co-authored-by:\\s*(.+?)\\s*<([^>\\s]+)>\\s*$");
    private static final Pattern BRACED_RENAME = Pattern.compile("^(.*)\\{(.*) => (.*)\\}(.*)$");

    private GitLog() {
    }

    public static List<Commit> read(Path repository, String ref) throws Exception {
        String output = GitCli.git(repository, "log", "-M", "--numstat", FORMAT, ref);
        List<Commit> commits = new ArrayList<>();
        for (String record : output.split("\u001e")) {
            if (record.isBlank()) {
                continue;
            }
            String[] f = record.split("\u001f", 10);
            List<String> parents = f[1].isBlank() ? List.of() : List.of(f[1].trim().split(" "));
            commits.add(new Commit(f[0], parents, new Identity(f[2], f[3]), OffsetDateTime.parse(f[4]),
                    new Identity(f[5], f[6]), OffsetDateTime.parse(f[7]), f[8], coAuthors(f[8]), files(f[9])));
        }
        return commits;
    }

    private static List<Identity> coAuthors(String message) {
        List<Identity> coAuthors = new ArrayList<>();
        Matcher matcher = CO_AUTHOR.matcher(message);
        while (matcher.find()) {
            coAuthors.add(new Identity(matcher.group(1), matcher.group(2)));
        }
        return coAuthors;
    }

    private static List<FileChange> files(String numstat) {
        List<FileChange> files = new ArrayList<>();
        for (String line : numstat.split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            String[] parts = line.split("\t", 3);
            boolean binary = parts[0].equals("-");
            int additions = binary ? 0 : Integer.parseInt(parts[0]);
            int deletions = binary ? 0 : Integer.parseInt(parts[1]);
            String[] paths = paths(parts[2]);
            files.add(new FileChange(paths[1], paths[0], additions, deletions, binary));
        }
        return files;
    }

    /** {@code [oldPath or null, path]} from {@code path}, {@code old => new} or {@code dir/{old => new}/rest}. */
    static String[] paths(String field) {
        Matcher braced = BRACED_RENAME.matcher(field);
        if (braced.matches()) {
            String before = braced.group(1) + braced.group(2) + braced.group(4);
            String after = braced.group(1) + braced.group(3) + braced.group(4);
            // "{ => sub}/x" leaves a doubled or leading slash where one side is empty
            return new String[] { tidy(before), tidy(after) };
        }
        int arrow = field.indexOf(" => ");
        if (arrow >= 0) {
            return new String[] { field.substring(0, arrow), field.substring(arrow + 4) };
        }
        return new String[] { null, field };
    }

    private static String tidy(String path) {
        String tidied = path.replace("//", "/");
        return tidied.startsWith("/") ? tidied.substring(1) : tidied;
    }
}
