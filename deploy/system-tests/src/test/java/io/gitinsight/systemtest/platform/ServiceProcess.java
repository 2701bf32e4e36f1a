package io.gitinsight.systemtest.platform;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One packaged service run as a real process: {@code java -jar <module>/target/quarkus-app/quarkus-run.jar},
 * configured by environment variables alone (CONTRACT §1), its output appended to one log file per service.
 */
public final class ServiceProcess {

    /** Variables a developer's shell may carry that must not leak into the services under test. */
    private static final List<String> INHERITED_CONFIG = List.of("PORT", "DB_URL", "DB_USER", "DB_PASSWORD", "REDIS_URL",
            "RABBITMQ_HOST", "RABBITMQ_PORT", "RABBITMQ_USER", "RABBITMQ_PASSWORD", "GITHUB_API_URL", "GITHUB_GRAPHQL_URL",
            "GITHUB_WEB_URL", "GITHUB_TOKEN", "GITHUB_CLIENT_ID", "GITHUB_CLIENT_SECRET", "GITHUB_WEBHOOK_SECRET",
            "JWT_ISSUER", "JWT_SIGNING_KEY", "TOKEN_ENCRYPTION_KEY", "ADMIN_LOGINS", "INTERNAL_SERVICE_TOKEN",
            "AUTH_SERVICE_URL", "ANALYSIS_SERVICE_URL", "QUERY_SERVICE_URL", "INGESTION_SERVICE_URL", "INGESTION_DATA_DIR",
            "GATEWAY_TRUSTED_PROXIES", "GATEWAY_REDIS_PREFIX", "QUERY_REDIS_PREFIX", "BOT_IDENTITIES", "RULES_FILE",
            "GITINSIGHT_ALLOW_LOCAL_REPOS", "GITINSIGHT_LOCAL_OPERATOR", "WEBHOOK_ALLOW_UNSIGNED", "JAVA_TOOL_OPTIONS",
            "QUARKUS_PROFILE");

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String module;
    private final int port;
    private final Path jar;
    private final Path log;
    private final Map<String, String> env;
    private final List<String> jvmOptions;
    private Process process;

    ServiceProcess(String module, int port, Path jar, Path log, Map<String, String> env, List<String> jvmOptions) {
        this.module = module;
        this.port = port;
        this.jar = jar;
        this.log = log;
        this.env = env;
        this.jvmOptions = jvmOptions;
    }

    public String module() {
        return module;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public Path log() {
        return log;
    }

    public synchronized boolean running() {
        return process != null && process.isAlive();
    }

    /** Starts the process; its log keeps growing across restarts (each start is marked in it). */
    public synchronized void start() throws IOException {
        if (running()) {
            throw new IllegalStateException(module + " is running already");
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-jar");
        command.add(jar.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        INHERITED_CONFIG.forEach(builder.environment()::remove);
        builder.environment().putAll(env);
        Files.writeString(log, "=== system test: starting " + module + " on :" + port + " at " + Instant.now() + "\n",
                StandardCharsets.UTF_8, java.nio.file.StandardOpenOption.CREATE, java.nio.file.StandardOpenOption.APPEND);
        process = builder.start();
        // the watchdog stops what these files name if the test JVM dies without closing the platform
        Files.writeString(pidFile(), process.pid() + "\n");
    }

    Path pidFile() {
        return log.resolveSibling(module + ".pid");
    }

    /** SIGKILL: the process gets no chance to finish anything (a crash, not a shutdown). */
    public synchronized void kill() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** SIGTERM without waiting: the platform signals every service first, so they shut down side by side. */
    synchronized void signalStop() {
        if (process != null && process.isAlive()) {
            process.destroy();
        }
    }

    /** SIGTERM and a graceful shutdown; SIGKILL after {@code grace}. */
    public synchronized void stop(Duration grace) throws InterruptedException {
        if (process == null || !process.isAlive()) {
            return;
        }
        process.destroy();
        if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }

    /** Waits for {@code /health/ready} to answer 200; fails early, with the log's tail, when the process exits. */
    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!running()) {
                throw new IllegalStateException(module + " exited during start-up (exit " + process.exitValue()
                        + "); the end of " + log + ":\n" + tail(40));
            }
            if (ready()) {
                return;
            }
            Thread.sleep(200);
        }
        throw new IllegalStateException(module + " not ready after " + timeout + "; the end of " + log + ":\n" + tail(40));
    }

    public boolean ready() throws InterruptedException {
        try {
            HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(url() + "/health/ready"))
                    .timeout(Duration.ofSeconds(3)).build(), HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        }
    }

    /** The last {@code lines} lines of the service's log. */
    public String tail(int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(log), StandardCharsets.UTF_8).lines().toList();
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }

    @Override
    public String toString() {
        return module + ":" + port;
    }
}
