package io.gitinsight.systemtest.platform;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import io.gitinsight.systemtest.github.FakeGitHub;

/**
 * The whole platform on this machine for one test run: the fake GitHub, then the five packaged services on
 * free ports (so a developer's running platform never collides), each waited for on {@code /health/ready}.
 * {@link #close} stops everything it started, and a JVM shutdown hook does the same if the run is cut short.
 */
public final class Platform implements AutoCloseable {

    public static final String AUTH = "auth-service";
    public static final String INGESTION = "ingestion-service";
    public static final String ANALYSIS = "analysis-service";
    public static final String QUERY = "query-service";
    public static final String GATEWAY = "api-gateway";
    private static final List<String> MODULES = List.of(AUTH, INGESTION, ANALYSIS, QUERY, GATEWAY);

    public static final String CLIENT_ID = "system-test-client";
    public static final String CLIENT_SECRET = "system-test-client-secret";
    public static final String WEBHOOK_SECRET = "system-test-webhook-secret";
    /** Admin from the first login (ADMIN_LOGINS). */
    public static final String ADMIN_LOGIN = "ada-admin";

    static final Duration START_TIMEOUT = Duration.ofSeconds(Long.getLong("gitinsight.system.start-timeout", 120));

    private final Path root;
    private final Path logs;
    private final Path work;
    private final Broker broker;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private final Thread shutdownHook = new Thread(this::stopQuietly, "system-test-platform-shutdown");
    private FakeGitHub github;
    private Map<String, String> environment = Map.of();
    private Process watchdog;
    private RunLock runLock;

    private Platform(Path root, Path logs, Path work) {
        this.root = root;
        this.logs = logs;
        this.work = work;
        this.broker = new Broker(LocalInfrastructure.HOST, LocalInfrastructure.RABBITMQ_PORT,
                logs.resolve("rabbitmq-stopped"));
    }

    /** Starts everything, or stops what it had started and fails. */
    public static Platform start() throws Exception {
        Path root = Path.of(System.getProperty("gitinsight.root", "../..")).toAbsolutePath().normalize();
        Path logs = Path.of(System.getProperty("gitinsight.system.logs", "target/system-logs")).toAbsolutePath();
        Files.createDirectories(logs);
        Platform platform = new Platform(root, logs, Files.createTempDirectory("gitinsight-system"));
        Runtime.getRuntime().addShutdownHook(platform.shutdownHook);
        try {
            platform.boot();
            return platform;
        } catch (Exception | Error e) {
            platform.close();
            throw e;
        }
    }

    private void boot() throws Exception {
        runLock = RunLock.acquire(Duration.ofMinutes(Long.getLong("gitinsight.system.lock-wait-minutes", 20)));
        for (String module : MODULES) {
            Path jar = root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar");
            if (!Files.isRegularFile(jar)) {
                throw new IllegalStateException(jar + " is missing: build the services first (./mvnw -B package "
                        + "-DskipTests, or ./mvnw -B verify from the root, which packages them before this module)");
            }
        }
        LocalInfrastructure.prepare(broker);
        Map<String, Integer> ports = new HashMap<>();
        for (String module : MODULES) {
            ports.put(module, freePort());
        }
        github = FakeGitHub.start("http://127.0.0.1:" + ports.get(GATEWAY), CLIENT_ID, CLIENT_SECRET);
        Map<String, String> env = environment(ports);
        environment = Map.copyOf(env);
        for (String module : MODULES) {
            Map<String, String> own = new HashMap<>(env);
            own.put("PORT", Integer.toString(ports.get(module)));
            Path log = logs.resolve(module + ".log");
            Files.deleteIfExists(log);
            services.put(module, new ServiceProcess(module, ports.get(module),
                    root.resolve(module).resolve("target/quarkus-app/quarkus-run.jar"), log, own, jvmOptions(module)));
        }
        for (ServiceProcess service : services.values()) {
            service.start();
        }
        watchdog = startWatchdog();
        awaitAllReady();
    }

    /** The CONTRACT §1 variables, pointing every service at this run's infrastructure and at each other. */
    private Map<String, String> environment(Map<String, Integer> ports) throws IOException {
        Map<String, String> env = new HashMap<>();
        env.put("DB_URL", LocalInfrastructure.databaseUrl());
        env.put("DB_USER", "gitinsight");
        env.put("DB_PASSWORD", "gitinsight");
        env.put("REDIS_URL", LocalInfrastructure.redisUrl());
        env.put("RABBITMQ_HOST", LocalInfrastructure.HOST);
        env.put("RABBITMQ_PORT", Integer.toString(LocalInfrastructure.RABBITMQ_PORT));
        env.put("GITHUB_API_URL", github.url());
        env.put("GITHUB_GRAPHQL_URL", github.url() + "/graphql");
        env.put("GITHUB_WEB_URL", github.url());
        env.put("GITHUB_CLIENT_ID", CLIENT_ID);
        env.put("GITHUB_CLIENT_SECRET", CLIENT_SECRET);
        env.put("GITHUB_WEBHOOK_SECRET", WEBHOOK_SECRET);
        env.put("TOKEN_ENCRYPTION_KEY", randomBase64(32));
        env.put("INTERNAL_SERVICE_TOKEN", randomBase64(24).replaceAll("[^A-Za-z0-9]", ""));
        env.put("ADMIN_LOGINS", ADMIN_LOGIN);
        env.put("GITINSIGHT_ALLOW_LOCAL_REPOS", "true");
        // the local profile's operator session, which deploy/local/first-minute.py signs in with
        env.put("GITINSIGHT_LOCAL_OPERATOR", "true");
        env.put("INGESTION_DATA_DIR", Files.createDirectories(work.resolve("mirrors")).toString());
        env.put("AUTH_SERVICE_URL", "http://127.0.0.1:" + ports.get(AUTH));
        env.put("INGESTION_SERVICE_URL", "http://127.0.0.1:" + ports.get(INGESTION));
        env.put("ANALYSIS_SERVICE_URL", "http://127.0.0.1:" + ports.get(ANALYSIS));
        env.put("QUERY_SERVICE_URL", "http://127.0.0.1:" + ports.get(QUERY));
        // the tests speak for several clients from one machine: each names its address in X-Forwarded-For
        env.put("GATEWAY_TRUSTED_PROXIES", "127.0.0.1/32");
        env.put("FRONTEND_URL", "http://127.0.0.1:5173");
        return env;
    }

    private List<String> jvmOptions(String module) {
        List<String> options = new ArrayList<>(List.of("-Xmx256m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                // the broker's virtual host is a connector setting no CONTRACT variable names
                "-Drabbitmq-virtual-host=" + Broker.VIRTUAL_HOST));
        if (module.equals(INGESTION)) {
            // GitHub's 5xx are retried after 1 s, 2 s, ...; a quarter of that keeps the flaky-GitHub drill short
            options.add("-Dgitinsight.github.backoff-base=PT0.25S");
        }
        return options;
    }

    /**
     * A shell that outlives this JVM if it is killed outright (no shutdown hook runs then): once this JVM is
     * gone, it starts RabbitMQ again if a drill had stopped it, and stops the services named by the pid files
     * (SIGTERM, SIGKILL after 10 s). A clean close ends it.
     */
    private Process startWatchdog() throws IOException {
        String pids = "cat " + logs + "/*.pid 2>/dev/null";
        String marker = logs.resolve("rabbitmq-stopped").toString();
        String script = "while kill -0 " + ProcessHandle.current().pid() + " 2>/dev/null; do sleep 1; done; "
                + "if [ -f '" + marker + "' ]; then rabbitmqctl start_app >/dev/null 2>&1; rm -f '" + marker + "'; fi; "
                + "kill $(" + pids + ") 2>/dev/null; sleep 10; kill -9 $(" + pids + ") 2>/dev/null; exit 0";
        return new ProcessBuilder("sh", "-c", script).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
    }

    private void awaitAllReady() throws Exception {
        ExecutorService waiters = Executors.newFixedThreadPool(services.size());
        try {
            List<Future<Object>> waits = new ArrayList<>();
            for (ServiceProcess service : services.values()) {
                waits.add(waiters.submit((Callable<Object>) () -> {
                    service.awaitReady(START_TIMEOUT);
                    return null;
                }));
            }
            for (Future<Object> wait : waits) {
                try {
                    wait.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        } finally {
            waiters.shutdownNow();
        }
    }

    public String gatewayUrl() {
        return service(GATEWAY).url();
    }

    public ServiceProcess service(String module) {
        return services.get(module);
    }

    public FakeGitHub github() {
        return github;
    }

    public Broker broker() {
        return broker;
    }

    /** The project's checkout: the jars, deploy/local's scripts and a git history of its own. */
    public Path root() {
        return root;
    }

    /** The secret the services present on each other's /internal/** endpoints in this run. */
    public String internalToken() {
        return environment.get("INTERNAL_SERVICE_TOKEN");
    }

    /** A scratch directory of this run (git repositories the fake GitHub serves live here). */
    public Path work() {
        return work;
    }

    /** The tail of every service's log, for a failed test's report. */
    public String logTails(int lines) {
        StringBuilder out = new StringBuilder();
        services.values().forEach(s -> out.append("\n----- ").append(s.log()).append(" (last ").append(lines)
                .append(" lines) -----\n").append(s.tail(lines)).append('\n'));
        return out.toString();
    }

    @Override
    public void close() {
        stopQuietly();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException e) {
            // the JVM is shutting down: the hook is running or has run
        }
    }

    private synchronized void stopQuietly() {
        // interrupted (Ctrl-C) in the middle of the broker drill: finally blocks do not run, this hook does
        if (Files.exists(logs.resolve("rabbitmq-stopped"))) {
            try {
                broker.startApp();
            } catch (IOException | InterruptedException e) {
                System.err.println("RabbitMQ could not be started again: run rabbitmqctl start_app (" + e + ")");
            }
        }
        List<ServiceProcess> reversed = new ArrayList<>(services.values());
        java.util.Collections.reverse(reversed);
        reversed.forEach(ServiceProcess::signalStop);
        for (ServiceProcess service : reversed) {
            try {
                service.stop(Duration.ofSeconds(10));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (github != null) {
            github.stop();
        }
        if (watchdog != null) {
            watchdog.destroy();
        }
        services.values().forEach(s -> {
            try {
                Files.deleteIfExists(s.pidFile());
            } catch (IOException e) {
                // the watchdog is gone too: a stale pid file is never read
            }
        });
        deleteRecursively(work);
        if (runLock != null) {
            try {
                runLock.close();
            } catch (IOException e) {
                // released with this process at the latest
            }
            runLock = null;
        }
    }

    private static void deleteRecursively(Path dir) {
        try (var paths = Files.walk(dir)) {
            paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a scratch directory under java.io.tmpdir: the next cleanup of /tmp takes what is left
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }

    private static String randomBase64(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return Base64.getEncoder().encodeToString(random);
    }
}
