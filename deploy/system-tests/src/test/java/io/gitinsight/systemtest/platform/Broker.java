package io.gitinsight.systemtest.platform;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * The local RabbitMQ as the system tests see it: a virtual host of their own (so that module tests running
 * beside them on the same broker never take their messages), its queues, and the broker stopped and started
 * with {@code rabbitmqctl} for the outage drill.
 */
public final class Broker {

    public static final String VIRTUAL_HOST = "gitinsight-system";
    public static final String DEAD_LETTER_QUEUE = "gitinsight.dlq";
    /** The work queues the services share (query-service's per-replica stream queues expire on their own). */
    public static final List<String> QUEUES = List.of("ingestion.analysis-requested", "analysis.data-ingested",
            "analysis.sync-progress", "analysis.github-events", DEAD_LETTER_QUEUE);

    private final String host;
    private final int port;
    private final java.nio.file.Path stoppedMarker;

    /** {@code stoppedMarker}: exists while the drill holds the broker stopped (the watchdog restarts it then). */
    public Broker(String host, int port, java.nio.file.Path stoppedMarker) {
        this.host = host;
        this.port = port;
        this.stoppedMarker = stoppedMarker;
    }

    /** Creates the virtual host when missing and deletes the queues an earlier run may have left filled. */
    void prepare() throws IOException, InterruptedException, TimeoutException {
        try (Connection connection = connectCreatingVirtualHost()) {
            for (String queue : QUEUES) {
                try (Channel channel = connection.createChannel()) {
                    channel.queueDelete(queue);
                }
            }
        }
    }

    private Connection connectCreatingVirtualHost() throws IOException, InterruptedException, TimeoutException {
        try {
            return connect();
        } catch (IOException e) {
            // the virtual host does not exist yet: only rabbitmqctl (root, on the broker's machine) creates it
            Commands.run(Duration.ofSeconds(60), "rabbitmqctl", "add_vhost", VIRTUAL_HOST);
            Commands.run(Duration.ofSeconds(60), "rabbitmqctl", "set_permissions", "-p", VIRTUAL_HOST, "guest", ".*",
                    ".*", ".*");
            return connect();
        }
    }

    /** Messages ready in a queue (0 when the queue does not exist). */
    public long depth(String queue) throws IOException, TimeoutException {
        try (Connection connection = connect(); Channel channel = connection.createChannel()) {
            return channel.queueDeclarePassive(queue).getMessageCount();
        } catch (IOException e) {
            if (String.valueOf(e.getCause()).contains("NOT_FOUND")) {
                return 0;
            }
            throw e;
        }
    }

    /** Waits until nothing is ready in {@code queue} (its consumers took everything); fails after {@code timeout}. */
    public void awaitEmpty(String queue, Duration timeout) throws IOException, InterruptedException, TimeoutException {
        Instant deadline = Instant.now().plus(timeout);
        long depth;
        while ((depth = depth(queue)) > 0) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError(depth + " messages still wait in " + queue + " after " + timeout);
            }
            Thread.sleep(200);
        }
    }

    /** Stops the broker application (the node stays, so {@link #startApp} brings the same broker back). */
    public void stopApp() throws IOException, InterruptedException {
        java.nio.file.Files.writeString(stoppedMarker, "rabbitmqctl stop_app by the system tests\n");
        Commands.run(Duration.ofSeconds(60), "rabbitmqctl", "stop_app");
    }

    public void startApp() throws IOException, InterruptedException {
        Commands.run(Duration.ofSeconds(90), "rabbitmqctl", "start_app");
        java.nio.file.Files.deleteIfExists(stoppedMarker);
        Instant deadline = Instant.now().plusSeconds(60);
        while (true) {
            try (Connection ignored = connect()) {
                return;
            } catch (IOException | TimeoutException e) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IOException("RabbitMQ did not accept connections after start_app", e);
                }
                Thread.sleep(250);
            }
        }
    }

    /** Whether the broker answers: the drill's finally block restarts it only when it is not. */
    public boolean up() {
        try (Connection ignored = connect()) {
            return true;
        } catch (IOException | TimeoutException e) {
            return false;
        }
    }

    private Connection connect() throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(host);
        factory.setPort(port);
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        factory.setVirtualHost(VIRTUAL_HOST);
        factory.setConnectionTimeout(3000);
        factory.setAutomaticRecoveryEnabled(false);
        return factory.newConnection("gitinsight-system-test");
    }
}
