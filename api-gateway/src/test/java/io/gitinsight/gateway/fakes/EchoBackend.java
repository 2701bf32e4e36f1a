package io.gitinsight.gateway.fakes;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.ServerWebSocket;
import io.vertx.core.json.JsonObject;

/**
 * A stand-in for a GitInsight service: a real HTTP server that answers every request with what it
 * received (method, path, query, headers, body size), so that tests see the request as the backend saw
 * it. A path containing {@code slow} is answered after 3 s; {@code /health/ready} reports a version, or
 * DOWN once {@link #down} is set; WebSocket upgrades are greeted with the path they arrived on and then
 * echoed (a text {@code close-4403} makes the backend close with that code), or refused as
 * {@link #upgrade} says.
 */
public class EchoBackend {

    public static final long SLOW_MILLIS = 3000;

    final String name;
    final Vertx vertx;
    final HttpServer server;
    final AtomicBoolean down = new AtomicBoolean();
    final AtomicBoolean databaseDown = new AtomicBoolean();

    EchoBackend(Vertx vertx, String name) {
        this.name = name;
        this.vertx = vertx;
        this.server = vertx.createHttpServer().requestHandler(this::request);
    }

    public int port() {
        return server.actualPort();
    }

    public String url() {
        return "http://127.0.0.1:" + port();
    }

    public void down(boolean isDown) {
        down.set(isDown);
    }

    /** Its readiness then reports its database connections (and so itself) DOWN, as a service cut off from it does. */
    public void databaseDown(boolean isDown) {
        databaseDown.set(isDown);
    }

    void request(HttpServerRequest request) {
        if ("websocket".equalsIgnoreCase(request.getHeader("Upgrade"))) {
            upgrade(request);
            return;
        }
        if (request.path().equals("/health/ready")) {
            boolean redisDown = down.get();
            boolean dbDown = databaseDown.get();
            boolean isDown = redisDown || dbDown;
            // the shape of a real service's answer (SmallRye Health with the service and version properties)
            request.response().setStatusCode(isDown ? 503 : 200).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("status", isDown ? "DOWN" : "UP").put("service", name + "-service")
                            .put("version", "1.2.3-" + name)
                            .put("checks", new io.vertx.core.json.JsonArray()
                                    .add(new JsonObject().put("name", "Redis connection health check")
                                            .put("status", redisDown ? "DOWN" : "UP"))
                                    .add(new JsonObject().put("name", "Reactive PostgreSQL connections health check")
                                            .put("status", dbDown ? "DOWN" : "UP")))
                            .encode());
            return;
        }
        if (request.path().equals("/q/openapi")) {
            openApi(request);
            return;
        }
        if (request.path().equals("/jobs") && "limit=100".equals(request.query())) {
            request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("data",
                    new io.vertx.core.json.JsonArray().add(job("running")).add(job("queued")).add(job("running"))
                            .add(job("completed")))
                    .put("authorization", request.getHeader("Authorization")).encode());
            return;
        }
        request.body().onSuccess(body -> {
            long delay = request.path().contains("slow") ? SLOW_MILLIS : 0;
            Runnable answer = () -> request.response().setStatusCode(200).putHeader("Content-Type", "application/json")
                    .putHeader("X-Request-Id", "backend-" + request.getHeader("X-Request-Id"))
                    .putHeader("Access-Control-Allow-Origin", "*").putHeader("X-Backend", name)
                    .end(describe(request, body.length()).encode());
            if (delay > 0) {
                vertx.setTimer(delay, id -> answer.run());
            } else {
                answer.run();
            }
        });
    }

    /** Only the fake query-service publishes an OpenAPI document, with one public and one internal path. */
    private void openApi(HttpServerRequest request) {
        if (!name.equals("query")) {
            request.response().setStatusCode(404).end();
            return;
        }
        JsonObject operation = new JsonObject().put("get", new JsonObject().put("summary", "list"));
        request.response().putHeader("Content-Type", "application/json").end(new JsonObject().put("openapi", "3.0.3")
                .put("paths", new JsonObject().put("/repositories", operation).put("/internal/cache", operation))
                .put("components", new JsonObject().put("schemas", new JsonObject().put("Repository",
                        new JsonObject().put("type", "object"))))
                .encode());
    }

    private static JsonObject job(String status) {
        return new JsonObject().put("id", java.util.UUID.randomUUID().toString()).put("status", status);
    }

    private JsonObject describe(HttpServerRequest request, int bodyBytes) {
        Map<String, Object> headers = new TreeMap<>();
        request.headers().forEach(h -> headers.merge(h.getKey().toLowerCase(), h.getValue(), (a, b) -> a + "," + b));
        return new JsonObject().put("backend", name).put("method", request.method().name()).put("path", request.path())
                .put("query", request.query()).put("headers", new JsonObject(headers)).put("body_bytes", bodyBytes);
    }

    /**
     * A path containing {@code refuse-json} is refused with 403 and an error body, {@code refuse} with a bare
     * 404, {@code slow} is accepted after {@link #SLOW_MILLIS}; everything else at once.
     */
    private void upgrade(HttpServerRequest request) {
        if (request.path().contains("refuse-json")) {
            request.response().setStatusCode(403).putHeader("Content-Type", "application/json")
                    .end(new JsonObject().put("error", new JsonObject().put("code", "AUTHORIZATION_DENIED")
                            .put("message", "not your feed").put("details", new JsonObject())
                            .put("trace_id", request.getHeader("X-Request-Id"))).encode());
        } else if (request.path().contains("refuse")) {
            request.response().setStatusCode(404).end();
        } else if (request.path().contains("slow")) {
            request.pause();
            vertx.setTimer(SLOW_MILLIS, id -> {
                if (!request.response().closed()) {
                    request.resume();
                    request.toWebSocket().onSuccess(this::webSocket);
                }
            });
        } else {
            request.toWebSocket().onSuccess(this::webSocket);
        }
    }

    private void webSocket(ServerWebSocket socket) {
        socket.writeTextMessage(new JsonObject().put("backend", name).put("uri", socket.uri())
                .put("x_request_id", socket.headers().get("X-Request-Id"))
                .put("x_user_id", socket.headers().get("X-User-Id")).encode());
        socket.textMessageHandler(text -> {
            if (text.equals("close-4403")) {
                socket.close((short) 4403, "forbidden");
            } else {
                socket.writeTextMessage("echo:" + text);
            }
        });
    }
}
