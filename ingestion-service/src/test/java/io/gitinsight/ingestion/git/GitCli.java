package io.gitinsight.ingestion.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The git command line, as the reference the reader is checked against and to build test histories. */
final class GitCli {

    private GitCli() {
    }

    static String run(Path dir, Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "user.name=Test Author", "-c",
                "user.email=author@example.com", "-c", "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IllegalStateException("git " + String.join(" ", args) + " failed: " + output);
        }
        return output;
    }

    static String run(Path dir, String... args) throws IOException, InterruptedException {
        return run(dir, Map.of(), args);
    }

    /** Per commit of {@code git log --numstat --no-merges}: [additions, deletions, files], keyed by sha. */
    static Map<String, long[]> numstat(Path dir, String ref) throws IOException, InterruptedException {
        String output = run(dir, "log", "--numstat", "--no-merges", "--format=@%H", ref);
        Map<String, long[]> totals = new java.util.LinkedHashMap<>();
        long[] current = null;
        for (String line : output.split("\n")) {
            if (line.startsWith("@")) {
                current = new long[3];
                totals.put(line.substring(1), current);
            } else if (!line.isBlank() && current != null) {
                String[] parts = line.split("\t", 3);
                current[0] += parts[0].equals("-") ? 0 : Long.parseLong(parts[0]);
                current[1] += parts[1].equals("-") ? 0 : Long.parseLong(parts[1]);
                current[2]++;
            }
        }
        return totals;
    }
}
