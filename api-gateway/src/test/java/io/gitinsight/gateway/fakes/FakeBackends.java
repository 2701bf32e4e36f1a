package io.gitinsight.gateway.fakes;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.redis.client.Command;
import io.vertx.redis.client.Redis;
import io.vertx.redis.client.Request;
import io.vertx.redis.client.Response;

/**
 * Starts the services behind the gateway as real HTTP servers on free ports (never the real services):
 * a fake auth-service with JWKS and API-key checks, echoing analysis, query (with WebSockets) and
 * ingestion services, and a RabbitMQ management API. Adds two test-only routes: one to a backend
 * where nothing listens, one with a timeout shorter than the slow backend path. Each test run counts
 * in Redis under its own key prefix.
 */
public class FakeBackends implements QuarkusTestResourceLifecycleManager {

    public static final String PREFIX = "gitinsight:test:" + UUID.randomUUID() + ":";
    public static final long SLOW_ROUTE_TIMEOUT_MILLIS = 400;
    /** Above the 200 connections of the gateway's proxy pool, which tunnels must not take. */
    public static final int MAX_WEBSOCKETS = 240;

    private static Vertx vertx;
    private static FakeAuth auth;
    private static EchoBackend analysis;
    private static EchoBackend query;
    private static EchoBackend ingestion;
    private static FakeRabbitManagement rabbit;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        auth = new FakeAuth(vertx);
        analysis = new EchoBackend(vertx, "analysis");
        query = new EchoBackend(vertx, "query");
        ingestion = new EchoBackend(vertx, "ingestion");
        rabbit = new FakeRabbitManagement(vertx);
        List<Future<?>> listening = List.of(auth.server.listen(0, "127.0.0.1"), analysis.server.listen(0, "127.0.0.1"),
                query.server.listen(0, "127.0.0.1"), ingestion.server.listen(0, "127.0.0.1"),
                rabbit.server.listen(0, "127.0.0.1"));
        await(Future.all(listening));

        Map<String, String> config = new HashMap<>();
        config.put("gitinsight.gateway.backends.auth", auth.url());
        config.put("gitinsight.gateway.backends.analysis", analysis.url());
        config.put("gitinsight.gateway.backends.query", query.url());
        config.put("gitinsight.gateway.backends.ingestion", ingestion.url());
        config.put("gitinsight.gateway.backends.down", "http://127.0.0.1:1");
        config.put("gitinsight.gateway.routes.test-down", "GET /api/v1/_test/down/** down none");
        config.put("gitinsight.gateway.routes.test-slow",
                "GET /api/v1/_test/slow query none timeout=" + SLOW_ROUTE_TIMEOUT_MILLIS + "ms");
        config.put("gitinsight.gateway.redis-prefix", PREFIX);
        config.put("gitinsight.gateway.max-websockets", Integer.toString(MAX_WEBSOCKETS));
        config.put("gitinsight.gateway.internal-token", FakeAuth.INTERNAL_TOKEN);
        config.put("gitinsight.gateway.api-keys.cache-ttl", "1s");
        config.put("gitinsight.gateway.jwt.jwks-refetch-floor", "2s");
        config.put("gitinsight.gateway.system.rabbitmq-management-url", rabbit.url());
        return config;
    }

    @Override
    public void stop() {
        if (vertx != null) {
            forgetThisRunsRedisKeys();
            await(vertx.close());
            vertx = null;
        }
    }

    /** Counters and cached key checks would expire on their own; this run's are removed at once. */
    private static void forgetThisRunsRedisKeys() {
        String url = System.getenv().getOrDefault("REDIS_URL", "redis://localhost:6379");
        Redis redis = Redis.createClient(vertx, url);
        try {
            Response keys = await(redis.send(Request.cmd(Command.KEYS).arg(PREFIX + "*")));
            for (Response key : keys) {
                await(redis.send(Request.cmd(Command.DEL).arg(key.toString())));
            }
        } catch (IllegalStateException e) {
            // Redis is down (the readiness tests): nothing was counted
        } finally {
            redis.close();
        }
    }

    public static Vertx vertx() {
        return vertx;
    }

    public static FakeAuth auth() {
        return auth;
    }

    public static EchoBackend analysis() {
        return analysis;
    }

    public static EchoBackend query() {
        return query;
    }

    public static EchoBackend ingestion() {
        return ingestion;
    }

    public static FakeRabbitManagement rabbit() {
        return rabbit;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("fake backends: " + e.getMessage(), e);
        }
    }
}
