package io.gitinsight.gateway.service;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.gateway.client.Backend;
import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.client.JsonCall;
import io.gitinsight.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;

/**
 * {@code GET /system/status}: every service's readiness and the gateway's own dependencies, probed in
 * parallel, each with its status ({@code up}/{@code down}), version when it reports one, and latency.
 * The whole is {@code up} when everything is, else {@code degraded}.
 */
@ApplicationScoped
public class SystemStatusService {

    private final HttpClients clients;
    private final Redis redis;
    private final RabbitManagement rabbit;
    private final GatewayConfig config;

    public SystemStatusService(HttpClients clients, Redis redis, RabbitManagement rabbit, GatewayConfig config) {
        this.clients = clients;
        this.redis = redis;
        this.rabbit = rabbit;
        this.config = config;
    }

    public Future<JsonObject> status() {
        List<Future<JsonObject>> services = new ArrayList<>();
        for (Backend backend : clients.backends().values()) {
            services.add(probe(backend));
        }
        List<Future<JsonObject>> dependencies = List.of(redis(), rabbit.overview());
        List<Future<JsonObject>> all = new ArrayList<>(services);
        all.addAll(dependencies);
        return Future.join(all).transform(done -> {
            JsonArray serviceStatus = new JsonArray(services.stream().map(Future::result).toList());
            JsonArray dependencyStatus = new JsonArray(dependencies.stream().map(Future::result).toList());
            boolean allUp = all.stream().allMatch(f -> "up".equals(f.result().getString("status")));
            return Future.succeededFuture(new JsonObject().put("status", allUp ? "up" : "degraded")
                    .put("checked_at", Instant.now().toString()).put("services", serviceStatus)
                    .put("dependencies", dependencyStatus));
        });
    }

    private Future<JsonObject> probe(Backend backend) {
        String name = backend.name() + "-service";
        return JsonCall.get(clients.calls(), backend.request(HttpMethod.GET, "/health/ready"), config.system().probeTimeout())
                .map(call -> {
                    JsonObject health = Probes.json(call.body());
                    JsonObject entry = Probes.entry(name, call.ok() ? "up" : "down", version(health), call.latencyMillis());
                    if (!call.ok()) {
                        entry.put("error", "readiness answered " + call.status()).put("checks_down", down(health));
                    }
                    return entry;
                }).otherwise(failure -> Probes.down(name, failure));
    }

    private Future<JsonObject> redis() {
        long start = System.nanoTime();
        return redis.send(Request.cmd(Command.INFO).arg("server")).map(info -> {
            String version = null;
            for (String line : info.toString().split("\r?\n")) {
                if (line.startsWith("redis_version:")) {
                    version = line.substring("redis_version:".length()).trim();
                }
            }
            return Probes.entry("redis", "up", version, (System.nanoTime() - start) / 1_000_000);
        }).otherwise(failure -> Probes.down("redis", failure));
    }

    private static String version(JsonObject health) {
        return health == null ? null : health.getString("version");
    }

    private static JsonArray down(JsonObject health) {
        JsonArray names = new JsonArray();
        if (health != null && health.getValue("checks") instanceof JsonArray checks) {
            checks.stream().filter(c -> c instanceof JsonObject check && "DOWN".equals(check.getString("status")))
                    .forEach(c -> names.add(((JsonObject) c).getString("name")));
        }
        return names;
    }
}
