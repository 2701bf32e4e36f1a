package io.gitinsight.gateway.fakes;

import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/** The RabbitMQ management API's two answers the gateway reads; it can be switched off. */
public class FakeRabbitManagement {

    final HttpServer server;
    private final AtomicBoolean available = new AtomicBoolean(true);

    FakeRabbitManagement(Vertx vertx) {
        this.server = vertx.createHttpServer().requestHandler(this::request);
    }

    public void available(boolean isAvailable) {
        available.set(isAvailable);
    }

    public String url() {
        return "http://127.0.0.1:" + server.actualPort();
    }

    private void request(HttpServerRequest request) {
        if (!available.get()) {
            request.response().setStatusCode(503).end();
            return;
        }
        String body = switch (request.path()) {
            case "/api/overview" -> new JsonObject().put("rabbitmq_version", "3.12.1").encode();
            case "/api/queues" -> new JsonArray()
                    .add(new JsonObject().put("name", "analysis.ingested").put("messages", 7).put("messages_ready", 5)
                            .put("messages_unacknowledged", 2).put("consumers", 1))
                    .add(new JsonObject().put("name", "gitinsight.dlq").put("messages", 0).put("messages_ready", 0)
                            .put("messages_unacknowledged", 0).put("consumers", 0))
                    .encode();
            default -> null;
        };
        if (body == null) {
            request.response().setStatusCode(404).end();
        } else {
            request.response().putHeader("Content-Type", "application/json").end(body);
        }
    }
}
