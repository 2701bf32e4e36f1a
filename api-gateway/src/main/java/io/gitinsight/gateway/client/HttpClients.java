package io.gitinsight.gateway.client;

import java.util.Map;
import java.util.TreeMap;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import io.gitinsight.gateway.config.GatewayConfig;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpClient;
import io.vertx.core.http.HttpClientOptions;
import io.vertx.core.http.PoolOptions;

/**
 * The gateway's outbound HTTP: one pooled client for proxied traffic, one for WebSocket tunnels (each
 * holds its connection as long as the stream lives: 200 subscribers would otherwise take every proxy
 * connection), one for its own small calls (JWKS, API-key checks, health probes), so that a burst of one
 * never starves another. Backends by name.
 */
@ApplicationScoped
public class HttpClients {

    private final HttpClient proxy;
    private final HttpClient tunnels;
    private final HttpClient calls;
    private final Map<String, Backend> backends = new TreeMap<>();

    public HttpClients(Vertx vertx, GatewayConfig config) {
        int connectMillis = (int) config.connectTimeout().toMillis();
        this.proxy = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(connectMillis)
                .setKeepAlive(true).setDecompressionSupported(false), new PoolOptions().setHttp1MaxSize(200));
        this.tunnels = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(connectMillis)
                .setDecompressionSupported(false),
                new PoolOptions().setHttp1MaxSize(config.maxWebSockets()));
        this.calls = vertx.createHttpClient(new HttpClientOptions().setConnectTimeout(connectMillis),
                new PoolOptions().setHttp1MaxSize(20));
        config.backends().forEach((name, url) -> backends.put(name, Backend.parse(name, url)));
    }

    public HttpClient proxy() {
        return proxy;
    }

    public HttpClient tunnels() {
        return tunnels;
    }

    public HttpClient calls() {
        return calls;
    }

    public Backend backend(String name) {
        Backend backend = backends.get(name);
        if (backend == null) {
            throw new IllegalArgumentException("no backend named " + name);
        }
        return backend;
    }

    public Map<String, Backend> backends() {
        return Map.copyOf(backends);
    }

    @PreDestroy
    void close() {
        proxy.close();
        tunnels.close();
        calls.close();
    }
}
