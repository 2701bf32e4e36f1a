package io.gitinsight.messaging;

import java.io.IOException;
import java.util.concurrent.TimeoutException;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

import com.rabbitmq.client.Connection;
import com.rabbitmq.client.ConnectionFactory;

/**
 * Readiness of the broker, from a real AMQP connection. The messaging connector connects lazily and
 * reports an idle outgoing channel as ready even when nothing listens on the broker's port; this check
 * keeps one small connection open and re-dials when it dropped.
 */
@Readiness
@ApplicationScoped
public class BrokerReadinessCheck implements HealthCheck {

    public static final String NAME = "RabbitMQ broker connection";
    private static final int TIMEOUT_MILLIS = 2000;

    private final ConnectionFactory factory = new ConnectionFactory();
    private Connection connection;

    public BrokerReadinessCheck(@ConfigProperty(name = "rabbitmq-host") String host,
            @ConfigProperty(name = "rabbitmq-port") int port,
            @ConfigProperty(name = "rabbitmq-username") String username,
            @ConfigProperty(name = "rabbitmq-password") String password,
            @ConfigProperty(name = "rabbitmq-virtual-host", defaultValue = "/") String virtualHost) {
        factory.setHost(host);
        factory.setVirtualHost(virtualHost);
        factory.setPort(port);
        factory.setUsername(username);
        factory.setPassword(password);
        factory.setConnectionTimeout(TIMEOUT_MILLIS);
        factory.setHandshakeTimeout(TIMEOUT_MILLIS);
        factory.setAutomaticRecoveryEnabled(false);
    }

    @Override
    public synchronized HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .withData("address", factory.getHost() + ":" + factory.getPort());
        try {
            if (connection == null || !connection.isOpen()) {
                connection = factory.newConnection("gitinsight-readiness");
            }
            Object version = connection.getServerProperties().get("version");
            return response.withData("version", String.valueOf(version)).up().build();
        } catch (IOException | TimeoutException e) {
            return response.withData("error", e.getClass().getSimpleName() + ": " + e.getMessage()).down().build();
        }
    }

    @PreDestroy
    synchronized void close() {
        if (connection != null && connection.isOpen()) {
            try {
                connection.close(TIMEOUT_MILLIS);
            } catch (IOException e) {
                // closing on shutdown: nothing left to tell
            }
        }
    }
}
