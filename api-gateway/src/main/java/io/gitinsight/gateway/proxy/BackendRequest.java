package io.gitinsight.gateway.proxy;

import java.time.Duration;

import io.gitinsight.gateway.client.Backend;
import io.vertx.core.MultiMap;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.impl.HttpServerRequestInternal;
import io.vertx.core.http.impl.HttpServerRequestWrapper;

/**
 * The client's request as the backend is to see it: the backend's path instead of the public one, and
 * the cleaned headers. Vert.x's proxy reads both from the request it is handed (for plain requests and
 * for WebSocket upgrades alike), so handing it this view is how rewriting applies to every request; the
 * body, the connection and the response are still the client's.
 */
final class BackendRequest extends HttpServerRequestWrapper {

    private final String uri;
    private final MultiMap headers;
    private final Backend backend;
    private final String routeName;
    private final Duration timeout;
    private final boolean webSocket;
    private final String traceId;

    BackendRequest(HttpServerRequest client, String uri, MultiMap headers, Backend backend, String routeName,
            Duration timeout, boolean webSocket, String traceId) {
        super((HttpServerRequestInternal) client);
        this.uri = uri;
        this.headers = headers;
        this.backend = backend;
        this.routeName = routeName;
        this.timeout = timeout;
        this.webSocket = webSocket;
        this.traceId = traceId;
    }

    @Override
    public String uri() {
        return uri;
    }

    @Override
    public String path() {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }

    @Override
    public String query() {
        int query = uri.indexOf('?');
        return query < 0 ? null : uri.substring(query + 1);
    }

    @Override
    public MultiMap headers() {
        return headers;
    }

    Backend backend() {
        return backend;
    }

    String routeName() {
        return routeName;
    }

    Duration timeout() {
        return timeout;
    }

    boolean webSocket() {
        return webSocket;
    }

    String traceId() {
        return traceId;
    }
}
