package io.gitinsight.deploy.support;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a tool the tests compare against (docker-compose, promtool, kubectl) and keeps what it printed. */
public final class Command {

    /** What a finished command left: its exit code and its stdout and stderr, interleaved. */
    public record Result(int exitCode, String output) {
    }

    private Command() {
    }

    /** Whether {@code tool} is on the PATH. */
    public static boolean available(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!dir.isEmpty() && Path.of(dir, tool).toFile().canExecute()) {
                return true;
            }
        }
        return false;
    }

    public static Result run(Path workDir, List<String> command) {
        return run(workDir, command, null);
    }

    /**
     * Runs {@code command} in {@code workDir}. With {@code onlyEnv}, the child sees only PATH, HOME, LANG and
     * those variables, so that nothing set on the machine (a POSTGRES_PASSWORD, say) changes the outcome.
     */
    public static Result run(Path workDir, List<String> command, Map<String, String> onlyEnv) {
        if (!available(command.get(0))) {
            throw new IllegalStateException(command.get(0) + " is not installed: deploy/local/ensure-infra.sh installs it");
        }
        ProcessBuilder builder = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        if (onlyEnv != null) {
            Map<String, String> env = builder.environment();
            env.keySet().retainAll(List.of("PATH", "HOME", "LANG"));
            env.putAll(onlyEnv);
        }
        try {
            Process process = builder.start();
            byte[] out = process.getInputStream().readAllBytes();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                throw new IllegalStateException(String.join(" ", command) + " did not finish within 120 s");
            }
            return new Result(process.exitValue(), new String(out, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalStateException("could not run " + String.join(" ", command), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while running " + String.join(" ", command), e);
        }
    }
}
