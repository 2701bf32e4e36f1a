package io.gitinsight.gateway.service;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.client.JsonCall;
import io.gitinsight.gateway.config.GatewayConfig;
import io.gitinsight.gateway.metrics.RequestMetrics;
import io.gitinsight.gateway.metrics.RequestRates;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /system/stats}: request rates of this gateway replica (from its own meters), queue depths
 * from the RabbitMQ management API, and the recent jobs of analysis-service by status. A source that
 * cannot be read is {@code null} with the reason next to it, never a failure of the whole answer.
 */
@ApplicationScoped
public class SystemStatsService {

    static final int JOB_SAMPLE = 100;

    private final RequestMetrics metrics;
    private final RequestRates rates;
    private final RabbitManagement rabbit;
    private final HttpClients clients;
    private final GatewayConfig config;

    public SystemStatsService(RequestMetrics metrics, RequestRates rates, RabbitManagement rabbit, HttpClients clients,
            GatewayConfig config) {
        this.metrics = metrics;
        this.rates = rates;
        this.rabbit = rabbit;
        this.clients = clients;
        this.config = config;
    }

    /** @param credentials the caller's own credential headers, for analysis-service to check itself */
    public Future<JsonObject> stats(Map<String, String> credentials) {
        Future<JsonObject> queues = rabbit.queues();
        Future<JsonObject> jobs = jobs(credentials);
        return Future.join(queues, jobs).transform(done -> Future.succeededFuture(new JsonObject()
                .put("generated_at", Instant.now().toString()).put("requests", requests())
                .put("queues", queues.result().getValue("queues"))
                .put("queues_unavailable_reason", queues.result().getString("reason"))
                .put("jobs", jobs.result().getValue("jobs"))
                .put("jobs_unavailable_reason", jobs.result().getString("reason"))));
    }

    private JsonObject requests() {
        return new JsonObject().put("scope", "this gateway replica").put("since", rates.started().toString())
                .put("total", (long) rates.total()).put("per_second_last_minute", round(rates.perSecondLastMinute()))
                .put("per_second_since_start", round(rates.perSecondSinceStart()))
                .put("by_backend", counts(metrics.totalsByBackend())).put("by_status", counts(metrics.totalsByStatus()));
    }

    private Future<JsonObject> jobs(Map<String, String> credentials) {
        var options = clients.backend("analysis").request(HttpMethod.GET, "/jobs?limit=" + JOB_SAMPLE);
        credentials.forEach(options::putHeader);
        return JsonCall.get(clients.calls(), options, config.system().probeTimeout()).map(call -> {
            if (!call.ok()) {
                return new JsonObject().putNull("jobs").put("reason", "analysis-service answered " + call.status());
            }
            JsonArray list = jobList(call);
            if (list == null) {
                return new JsonObject().putNull("jobs").put("reason", "analysis-service answered no list of jobs");
            }
            Map<String, Long> byStatus = new TreeMap<>(Map.of("queued", 0L, "running", 0L));
            list.stream().filter(JsonObject.class::isInstance).map(j -> ((JsonObject) j).getString("status", "unknown"))
                    .forEach(status -> byStatus.merge(status, 1L, Long::sum));
            return new JsonObject().put("jobs", new JsonObject().put("sample_size", list.size())
                    .put("running", byStatus.get("running")).put("queued", byStatus.get("queued"))
                    .put("by_status", counts(byStatus)));
        }).otherwise(failure -> new JsonObject().putNull("jobs").put("reason",
                "analysis-service unreachable: " + Probes.reason(failure)));
    }

    /** The most recent jobs, whether analysis-service answers a bare list or a page of them. */
    private static JsonArray jobList(JsonCall call) {
        try {
            Object body = call.body().toJson();
            if (body instanceof JsonArray array) {
                return array;
            }
            if (body instanceof JsonObject object && object.getValue("data") instanceof JsonArray data) {
                return data;
            }
        } catch (RuntimeException e) {
            return null;
        }
        return null;
    }

    private static JsonObject counts(Map<String, ? extends Number> totals) {
        JsonObject out = new JsonObject();
        totals.forEach((key, value) -> out.put(key, value.longValue()));
        return out;
    }

    private static double round(double value) {
        return Math.round(value * 1000) / 1000.0;
    }
}
