package io.gitinsight.testkit;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeoutException;

import com.rabbitmq.client.Channel;
import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;
import com.rabbitmq.client.GetResponse;

import io.gitinsight.model.events.EventType;

/**
 * A test's own window on {@code gitinsight.events}: an exclusive queue on the real broker, bound with
 * the given routing-key pattern, from which published messages are taken as they arrived.
 */
public final class BrokerProbe implements AutoCloseable {

    private final Connection connection;
    private final Channel channel;
    private final String queue;

    private BrokerProbe(Connection connection, Channel channel, String queue) {
        this.connection = connection;
        this.channel = channel;
        this.queue = queue;
    }

    public static BrokerProbe bind(String routingKeyPattern) throws IOException, TimeoutException {
        ConnectionFactory factory = new ConnectionFactory();
        factory.setHost(System.getenv().getOrDefault("RABBITMQ_HOST", "localhost"));
        factory.setPort(Integer.parseInt(System.getenv().getOrDefault("RABBITMQ_PORT", "5672")));
        factory.setUsername(System.getenv().getOrDefault("RABBITMQ_USER", "guest"));
        factory.setPassword(System.getenv().getOrDefault("RABBITMQ_PASSWORD", "guest"));
        // the services' rabbitmq-virtual-host as an environment variable: a run isolated from others on the broker
        factory.setVirtualHost(System.getenv().getOrDefault("RABBITMQ_VIRTUAL_HOST", "/"));
        Connection connection = factory.newConnection("gitinsight-test-probe");
        Channel channel = connection.createChannel();
        channel.exchangeDeclare(EventType.EXCHANGE, "topic", true);
        String queue = channel.queueDeclare().getQueue();
        channel.queueBind(queue, EventType.EXCHANGE, routingKeyPattern);
        return new BrokerProbe(connection, channel, queue);
    }

    /** Publishes an envelope the way the services do: persistent, routed by its type. */
    public void publish(io.gitinsight.model.events.EventEnvelope envelope) throws IOException {
        publish(envelope.type(), envelope.toJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    public void publish(String routingKey, byte[] body) throws IOException {
        channel.basicPublish(EventType.EXCHANGE, routingKey, new com.rabbitmq.client.AMQP.BasicProperties.Builder()
                .contentType("application/json").deliveryMode(2).build(), body);
    }

    /** Takes one message from any queue (the dead-letter queue, say), or null when it is empty. */
    public GetResponse take(String queueName) throws IOException {
        return channel.basicGet(queueName, true);
    }

    /** The next message, waiting up to {@code timeout}; fails the test when none arrives. */
    public GetResponse next(Duration timeout) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response != null) {
                return response;
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no message on " + queue + " within " + timeout);
    }

    /**
     * The next message whose envelope {@code wanted} accepts, skipping the others: the broker and its
     * exchange are shared with whatever else runs (an earlier test's job still publishing progress, say),
     * so a test takes only what it can recognise as its own.
     */
    public GetResponse next(Duration timeout, java.util.function.Predicate<io.gitinsight.model.events.EventEnvelope> wanted)
            throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        java.util.List<String> skipped = new java.util.ArrayList<>();
        while (Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response == null) {
                Thread.sleep(50);
                continue;
            }
            io.gitinsight.model.events.EventEnvelope envelope = io.gitinsight.model.events.EventEnvelope
                    .fromJson(response.getBody());
            if (wanted.test(envelope)) {
                return response;
            }
            skipped.add(envelope.type() + " " + envelope.id());
        }
        throw new AssertionError("no wanted message on " + queue + " within " + timeout + "; skipped " + skipped);
    }

    /** The payload of the next envelope {@code wanted} accepts, as {@code type}. */
    public <T> T nextPayload(Duration timeout, java.util.function.Predicate<io.gitinsight.model.events.EventEnvelope> wanted,
            Class<T> type) throws IOException, InterruptedException {
        return io.gitinsight.model.events.EventEnvelope.fromJson(next(timeout, wanted).getBody()).payloadAs(type);
    }

    /** Every envelope that arrives within {@code window}, for asserting what was not published. */
    public java.util.List<io.gitinsight.model.events.EventEnvelope> drain(Duration window)
            throws IOException, InterruptedException {
        java.util.List<io.gitinsight.model.events.EventEnvelope> seen = new java.util.ArrayList<>();
        Instant deadline = Instant.now().plus(window);
        while (Instant.now().isBefore(deadline)) {
            GetResponse response = channel.basicGet(queue, true);
            if (response == null) {
                Thread.sleep(50);
            } else {
                seen.add(io.gitinsight.model.events.EventEnvelope.fromJson(response.getBody()));
            }
        }
        return seen;
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
