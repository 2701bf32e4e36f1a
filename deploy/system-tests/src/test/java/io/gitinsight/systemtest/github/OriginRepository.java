package io.gitinsight.systemtest.github;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.gitinsight.systemtest.platform.Commands;

/**
 * A real git repository built with the git CLI, which the fake GitHub gives as a repository's clone URL:
 * four authors and a bot, commits spread over six weeks before today in several time zones (one of them on
 * a different calendar date in UTC than at its author's desk), a binary file, a rename, a feature branch
 * merged with a merge commit, a co-authored commit, and most files written by one person.
 */
public final class OriginRepository {

    public static final String BRANCH = "master";
    private static final DateTimeFormatter GIT_DATE = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

    private final Path dir;
    private final OffsetDateTime today;

    private OriginRepository(Path dir) {
        this.dir = dir;
        this.today = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS);
    }

    public static OriginRepository build(Path dir) throws IOException, InterruptedException {
        Files.createDirectories(dir);
        OriginRepository origin = new OriginRepository(dir);
        origin.git("init", "-q", "-b", BRANCH);
        origin.history();
        return origin;
    }

    private void history() throws IOException, InterruptedException {
        write("README.md", "# Hello World\n\nA small service.\n");
        write("src/main/java/demo/App.java", """
                package demo;

                // Entry point.
                public class App {
                    public static void main(String[] args) {
                        System.out.println(greeting());
                    }

                    static String greeting() {
                        return "hello";
                    }
                }
                """);
        commit("Ada Lovelace", "ada@example.com", at(40, 9, 15, "+00:00"), "Start the service");

        write("src/util.py", """
                # Helpers.
                def add(a, b):
                    return a + b


                def sub(a, b):
                    return a - b
                """);
        commit("Grace Hopper", "grace@example.com", at(35, 14, 0, "-05:00"), "Add helpers");

        write("src/main/java/demo/App.java", """
                package demo;

                // Entry point.
                public class App {
                    public static void main(String[] args) {
                        System.out.println(greeting() + "!");
                        System.out.println(args.length);
                    }

                    static String greeting() {
                        return "hello, world";
                    }
                }
                """);
        commit("Ada Lovelace", "ada@example.com", at(30, 11, 5, "+01:00"), "Greet the world");

        // 01:30 in Kolkata is 20:00 UTC of the day before: the UTC date is the one that counts
        Files.write(dir.resolve("logo.png"), new byte[] { (byte) 0x89, 'P', 'N', 'G', 0, 0, 0, 13, 1, 2, 3, 0, 7 });
        commit("Linus Torvalds", "linus@example.org", at(21, 1, 30, "+05:30"), "Add the logo");

        git("mv", "src/util.py", "src/helpers.py");
        write("src/helpers.py", Files.readString(dir.resolve("src/helpers.py")).replace("# Helpers.", "# Arithmetic helpers."));
        commit("Grace Hopper", "grace@example.com", at(14, 16, 45, "-05:00"), "Rename util to helpers");

        git("checkout", "-q", "-b", "feature/stats");
        write("src/stats.py", """
                def mean(values):
                    # the arithmetic mean
                    return sum(values) / len(values)
                """);
        commit("Linus Torvalds", "linus@example.org", at(10, 8, 0, "+02:00"), "Add mean");

        git("checkout", "-q", BRANCH);
        write("README.md", "# Hello World\n\nA small service.\n\nRun it with `java demo.App`.\n");
        commit("Ada Lovelace", "ada@example.com", at(9, 10, 0, "+00:00"), "Say how to run it");

        merge("feature/stats", "Grace Hopper", "grace@example.com", at(6, 15, 30, "-05:00"));

        write("src/main/java/demo/App.java", Files.readString(dir.resolve("src/main/java/demo/App.java"))
                .replace("\"hello, world\"", "\"hello, world (v2)\""));
        commit("dependabot[bot]", "49699333+dependabot[bot]@users.noreply.github.com", at(3, 4, 0, "+00:00"),
                "Bump the greeting");

        write("src/helpers.py", Files.readString(dir.resolve("src/helpers.py")) + "\n\ndef mul(a, b):\n    return a * b\n");
        commit("Ada Lovelace", "ada@example.com", at(2, 13, 20, "+00:00"),
                "Add mul\n\nCo-authored-by: Margaret Hamilton <margaret@example.com>");

        // eight more files of Ada's: most files now have one author, which is a knowledge risk
        for (int i = 1; i <= 8; i++) {
            write("docs/note-" + i + ".md", "# Note " + i + "\n");
        }
        commit("Ada Lovelace", "ada@example.com", at(1, 9, 0, "+00:00"), "Write the notes down");
    }

    /** Adds one more commit on the default branch (a push), {@code daysAgo} before today. */
    public String pushCommit(String file, String content, int daysAgo) throws IOException, InterruptedException {
        write(file, content);
        commit("Margaret Hamilton", "margaret@example.com", at(daysAgo, 12, 0, "+00:00"), "Add " + file);
        return git("rev-parse", "HEAD").trim();
    }

    /** A copy of this repository as it is now (a later push to this one does not reach the copy). */
    public Path snapshot(Path target) throws IOException, InterruptedException {
        Commands.run(Duration.ofSeconds(60), "git", "clone", "-q", "--bare", dir.toString(), target.toString());
        return target;
    }

    private String at(int daysAgo, int hour, int minute, String offset) {
        OffsetDateTime local = today.minusDays(daysAgo).withHour(hour).withMinute(minute)
                .withOffsetSameLocal(ZoneOffset.of(offset));
        return GIT_DATE.format(local);
    }

    private void write(String file, String content) throws IOException {
        Path path = dir.resolve(file);
        Files.createDirectories(path.getParent());
        Files.writeString(path, content, StandardCharsets.UTF_8);
    }

    private void commit(String name, String email, String date, String message) throws IOException, InterruptedException {
        git("add", "-A");
        gitAs(name, email, date, "commit", "-q", "-m", message);
    }

    private void merge(String branch, String name, String email, String date) throws IOException, InterruptedException {
        gitAs(name, email, date, "merge", "-q", "--no-ff", "-m", "Merge branch '" + branch + "'", branch);
    }

    private String gitAs(String name, String email, String date, String... args) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>();
        env.put("GIT_AUTHOR_NAME", name);
        env.put("GIT_AUTHOR_EMAIL", email);
        env.put("GIT_AUTHOR_DATE", date);
        env.put("GIT_COMMITTER_NAME", name);
        env.put("GIT_COMMITTER_EMAIL", email);
        env.put("GIT_COMMITTER_DATE", date);
        return run(env, args);
    }

    public String git(String... args) throws IOException, InterruptedException {
        return run(Map.of(), args);
    }

    private String run(Map<String, String> extra, String... args) throws IOException, InterruptedException {
        Map<String, String> env = new HashMap<>(extra);
        // the developer's own git configuration must not shape the history
        env.put("GIT_CONFIG_GLOBAL", "/dev/null");
        env.put("GIT_CONFIG_NOSYSTEM", "1");
        env.put("TZ", "UTC");
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=unused", "-c", "user.email=unused@example.com"));
        command.addAll(List.of(args));
        return Commands.run(dir, env, Duration.ofSeconds(60), command);
    }

    public Path dir() {
        return dir;
    }

    public String cloneUrl() {
        return dir.toUri().toString();
    }
}
