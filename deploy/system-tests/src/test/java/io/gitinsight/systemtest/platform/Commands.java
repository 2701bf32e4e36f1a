package io.gitinsight.systemtest.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a command line tool (git, rabbitmqctl, psql, cloc) and returns what it printed; a failure says why. */
public final class Commands {

    private Commands() {
    }

    public static String run(Duration timeout, String... command) throws IOException, InterruptedException {
        return run(null, Map.of(), timeout, List.of(command));
    }

    public static String run(Path directory, Map<String, String> env, Duration timeout, List<String> command)
            throws IOException, InterruptedException {
        // output through a file: a tool that hangs cannot block the reader past the timeout
        Path output = Files.createTempFile("gitinsight-command", ".out");
        try {
            ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(output.toFile());
            if (directory != null) {
                builder.directory(directory.toFile());
            }
            builder.environment().putAll(env);
            Process process = builder.start();
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                throw new IOException(String.join(" ", command) + " did not finish in " + timeout);
            }
            String text = Files.readString(output, StandardCharsets.UTF_8);
            if (process.exitValue() != 0) {
                throw new IOException(String.join(" ", command) + " exited " + process.exitValue() + ": " + text);
            }
            return text;
        } finally {
            Files.deleteIfExists(output);
        }
    }
}
