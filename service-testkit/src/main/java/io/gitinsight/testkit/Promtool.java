package io.gitinsight.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

/**
 * Runs Prometheus's own linter, {@code promtool check metrics}, on an exposition. promtool comes from
 * the Debian package {@code prometheus}; {@code .ci/run} and {@code deploy/local/up.sh} install it.
 */
public final class Promtool {

    public record Result(int exitCode, String output) {
    }

    private Promtool() {
    }

    public static Result checkMetrics(String exposition) throws IOException, InterruptedException {
        Process process;
        try {
            process = new ProcessBuilder("promtool", "check", "metrics").redirectErrorStream(true).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    "promtool is not installed: apt-get install prometheus (deploy/local/ensure-infra.sh does it)", e);
        }
        try (OutputStream in = process.getOutputStream()) {
            in.write(exposition.getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new IllegalStateException("promtool did not finish within 60 s");
        }
        return new Result(process.exitValue(), output);
    }
}
