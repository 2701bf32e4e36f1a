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

    static final String POSTGRES = "postgresql";
    /** The readiness checks through which Quarkus reports a service's database connections. */
    static final List<String> DATABASE_CHECKS = List.of("Reactive PostgreSQL connections health check",
            "Database connections health check");

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
        List<Future<Probe>> services = new ArrayList<>();
        for (Backend backend : clients.backends().values()) {
            services.add(probe(backend));
        }
        List<Future<JsonObject>> probed = List.of(redis(), rabbit.overview());
        List<Future<?>> all = new ArrayList<>(services);
        all.addAll(probed);
        return Future.join(all).transform(done -> {
            List<Probe> probes = services.stream().map(Future::result).toList();
            JsonArray serviceStatus = new JsonArray(probes.stream().map(Probe::entry).toList());
            JsonArray dependencyStatus = new JsonArray(new ArrayList<>(probed.stream().map(Future::result).toList()));
            dependencyStatus.add(postgres(probes));
            boolean allUp = serviceStatus.stream().allMatch(SystemStatusService::up)
                    && dependencyStatus.stream().allMatch(SystemStatusService::up);
            return Future.succeededFuture(new JsonObject().put("status", allUp ? "up" : "degraded")
                    .put("checked_at", Instant.now().toString()).put("services", serviceStatus)
                    .put("dependencies", dependencyStatus));
        });
    }

    /** One service's entry, and its readiness answer for what it says about the dependencies it checks. */
    private record Probe(JsonObject entry, JsonObject health) {
    }

    private Future<Probe> probe(Backend backend) {
        String name = backend.name() + "-service";
        return JsonCall.get(clients.calls(), backend.request(HttpMethod.GET, "/health/ready"), config.system().probeTimeout())
                .map(call -> {
                    JsonObject health = Probes.json(call.body());
                    JsonObject entry = Probes.entry(name, call.ok() ? "up" : "down", version(health), call.latencyMillis());
                    if (!call.ok()) {
                        entry.put("error", "readiness answered " + call.status()).put("checks_down", down(health));
                    }
                    return new Probe(entry, health);
                }).otherwise(failure -> new Probe(Probes.down(name, failure), null));
    }

    /**
     * PostgreSQL as the services that use it see it (the gateway has no database connection of its own, and
     * needs none): up when every service that checks it reports its connections up. Its latency is that of
     * the fastest readiness answer that checked it, an upper bound of one database round trip.
     */
    static JsonObject postgres(List<Probe> probes) {
        JsonArray seenBy = new JsonArray();
        List<String> unreachableFrom = new ArrayList<>();
        long fastest = Long.MAX_VALUE;
        for (Probe probe : probes) {
            JsonObject check = check(probe.health(), DATABASE_CHECKS);
            if (check == null) {
                continue;
            }
            String service = probe.entry().getString("name");
            seenBy.add(service);
            if ("UP".equals(check.getString("status"))) {
                Long latency = probe.entry().getLong("latency_ms");
                fastest = latency == null ? fastest : Math.min(fastest, latency);
            } else {
                unreachableFrom.add(service);
            }
        }
        if (seenBy.isEmpty()) {
            return Probes.down(POSTGRES, new IllegalStateException("no service answered with its database check"));
        }
        JsonObject entry = new JsonObject().put("name", POSTGRES).put("status", unreachableFrom.isEmpty() ? "up" : "down")
                .putNull("version").put("latency_ms", fastest == Long.MAX_VALUE ? null : fastest).put("seen_by", seenBy);
        if (!unreachableFrom.isEmpty()) {
            entry.put("error", "unreachable from " + String.join(", ", unreachableFrom));
        }
        return entry;
    }

    private static JsonObject check(JsonObject health, List<String> names) {
        if (health != null && health.getValue("checks") instanceof JsonArray checks) {
            for (Object c : checks) {
                if (c instanceof JsonObject check && names.contains(check.getString("name"))) {
                    return check;
                }
            }
        }
        return null;
    }

    private static boolean up(Object entry) {
        return entry instanceof JsonObject json && "up".equals(json.getString("status"));
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
