package io.gitinsight.gateway.service;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.gateway.client.Backend;
import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.client.JsonCall;
import io.gitinsight.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * The RabbitMQ management API, for the broker's status and its queue depths. It is optional: when it
 * cannot be reached the answers say so instead of failing.
 */
@ApplicationScoped
public class RabbitManagement {

    private final HttpClients clients;
    private final GatewayConfig config;
    private final Backend management;

    public RabbitManagement(HttpClients clients, GatewayConfig config) {
        this.clients = clients;
        this.config = config;
        this.management = Backend.parse("rabbitmq-management", config.system().rabbitmqManagementUrl());
    }

    /** The broker as a status entry: up with its version, or down with the reason. */
    public Future<JsonObject> overview() {
        return get("/api/overview").map(call -> {
            if (!call.ok()) {
                return Probes.entry("rabbitmq", "down", null, call.latencyMillis()).put("error",
                        "management API answered " + call.status());
            }
            JsonObject body = Probes.json(call.body());
            return Probes.entry("rabbitmq", "up", body == null ? null : body.getString("rabbitmq_version"),
                    call.latencyMillis());
        }).otherwise(failure -> Probes.down("rabbitmq", failure));
    }

    /** {@code {"queues": [...]}} with each queue's depth, or {@code {"queues": null, "reason": ...}}. */
    public Future<JsonObject> queues() {
        return get("/api/queues?columns=name,messages,messages_ready,messages_unacknowledged,consumers").map(call -> {
            if (!call.ok()) {
                return unavailable("management API answered " + call.status());
            }
            try {
                JsonArray queues = new JsonArray();
                for (Object item : call.body().toJsonArray()) {
                    JsonObject queue = (JsonObject) item;
                    queues.add(new JsonObject().put("name", queue.getString("name"))
                            .put("messages", queue.getLong("messages", 0L))
                            .put("messages_ready", queue.getLong("messages_ready", 0L))
                            .put("messages_unacknowledged", queue.getLong("messages_unacknowledged", 0L))
                            .put("consumers", queue.getLong("consumers", 0L)));
                }
                return new JsonObject().put("queues", queues);
            } catch (RuntimeException e) {
                return unavailable("management API answered something other than a list of queues");
            }
        }).otherwise(failure -> unavailable("management API unreachable: " + Probes.reason(failure)));
    }

    private Future<JsonCall> get(String path) {
        String credentials = config.system().rabbitmqUser() + ":" + config.system().rabbitmqPassword();
        var options = management.request(HttpMethod.GET, path).putHeader("Authorization",
                "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8)));
        return JsonCall.get(clients.calls(), options, config.system().probeTimeout());
    }

    private static JsonObject unavailable(String reason) {
        return new JsonObject().putNull("queues").put("reason", reason);
    }
}
