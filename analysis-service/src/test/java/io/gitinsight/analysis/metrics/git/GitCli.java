package io.gitinsight.analysis.metrics.git;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** The git command line (and a shell for its one-liners): the reference the metrics are checked against. */
public final class GitCli {

    private GitCli() {
    }

    public static String git(Path dir, String... args) throws IOException, InterruptedException {
        return git(dir, Map.of(), args);
    }

    /** With {@code env} added, e.g. {@code GIT_AUTHOR_DATE}; commits are signed by nobody and need no config. */
    public static String git(Path dir, Map<String, String> env, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("git", "-c", "core.quotePath=false", "-c",
                "commit.gpgsign=false", "-c", "init.defaultBranch=main"));
        command.addAll(List.of(args));
        return run(dir, command, env);
    }

    /** A pipeline, run by {@code sh -c} with {@code env} added to the environment. */
    public static String sh(Path dir, Map<String, String> env, String pipeline) throws IOException, InterruptedException {
        return run(dir, List.of("sh", "-c", pipeline), env);
    }

    /** The root of the repository this test runs in (the module's parent when run by Maven). */
    public static Path repositoryRoot() throws IOException, InterruptedException {
        return Path.of(git(Path.of("").toAbsolutePath(), "rev-parse", "--show-toplevel").trim());
    }

    private static String run(Path dir, List<String> command, Map<String, String> env)
            throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(120, TimeUnit.SECONDS) || process.exitValue() != 0) {
            process.destroyForcibly();
            throw new IllegalStateException(String.join(" ", command) + " failed: " + output);
        }
        return output;
    }
}
