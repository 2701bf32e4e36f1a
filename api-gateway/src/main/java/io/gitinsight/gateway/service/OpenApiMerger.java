package io.gitinsight.gateway.service;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.gateway.client.Backend;
import io.gitinsight.gateway.client.HttpClients;
import io.gitinsight.gateway.client.JsonCall;
import io.gitinsight.gateway.config.GatewayConfig;
import io.vertx.core.Future;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;

/**
 * {@code GET /api/v1/openapi.json}: one OpenAPI document for the whole public API, made of each
 * service's own document ({@code /q/openapi}) with its paths as the gateway publishes them. A service
 * that publishes no document (or is down) is left out and listed under {@code x-gitinsight-sources}
 * with the reason; paths that are not public ({@code /internal}, {@code /health}, {@code /q},
 * {@code /metrics}) are never included.
 */
@ApplicationScoped
public class OpenApiMerger {

    static final String DOCUMENT_PATH = "/q/openapi?format=json";
    private static final List<String> PRIVATE = List.of("/internal", "/health", "/q/", "/metrics", "/_testkit");

    private final HttpClients clients;
    private final GatewayConfig config;

    public OpenApiMerger(HttpClients clients, GatewayConfig config) {
        this.clients = clients;
        this.config = config;
    }

    public Future<JsonObject> merged() {
        List<Backend> backends = new ArrayList<>(clients.backends().values());
        List<Future<JsonObject>> documents = backends.stream().map(this::document).toList();
        return Future.join(new ArrayList<>(documents)).transform(done -> {
            JsonObject paths = new JsonObject();
            JsonObject schemas = new JsonObject();
            JsonObject sources = new JsonObject();
            for (int i = 0; i < backends.size(); i++) {
                String name = backends.get(i).name();
                Future<JsonObject> document = documents.get(i);
                if (document.failed()) {
                    sources.put(name, "left out: " + Probes.reason(document.cause()));
                    continue;
                }
                sources.put(name, "included");
                merge(document.result(), paths, schemas);
            }
            return Future.succeededFuture(new JsonObject().put("openapi", "3.0.3")
                    .put("info", new JsonObject().put("title", "GitInsight API").put("version", "v1"))
                    .put("paths", paths).put("components", new JsonObject().put("schemas", schemas))
                    .put("x-gitinsight-sources", sources));
        });
    }

    private Future<JsonObject> document(Backend backend) {
        return JsonCall.get(clients.calls(), backend.request(HttpMethod.GET, DOCUMENT_PATH), config.system().probeTimeout())
                .compose(call -> {
                    JsonObject body = call.ok() ? Probes.json(call.body()) : null;
                    if (body == null || !(body.getValue("paths") instanceof JsonObject)) {
                        return Future.failedFuture(call.ok() ? "not an OpenAPI document" : "answered " + call.status());
                    }
                    return Future.succeededFuture(body);
                });
    }

    private void merge(JsonObject document, JsonObject paths, JsonObject schemas) {
        for (Map.Entry<String, Object> path : document.getJsonObject("paths")) {
            if (PRIVATE.stream().noneMatch(path.getKey()::startsWith)) {
                String published = path.getKey().startsWith("/.well-known") ? path.getKey()
                        : config.prefix() + path.getKey();
                paths.put(published, path.getValue());
            }
        }
        JsonObject components = document.getJsonObject("components");
        if (components != null && components.getJsonObject("schemas") != null) {
            components.getJsonObject("schemas").forEach(schema -> {
                if (!schemas.containsKey(schema.getKey())) {
                    schemas.put(schema.getKey(), schema.getValue());
                }
            });
        }
    }
}
